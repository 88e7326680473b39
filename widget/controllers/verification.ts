import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Check, CredentialSummary, PlannedCheck, VerificationReport, VerifyInput } from '../../lib/index.js';
import { verify, type VerifyOptions } from '../../lib/verify.js';
import type { PdfScanResult } from '../pdf.js';
import type { RegistryProblem } from '../registries.js';

/** What to verify: a credential (text, bytes or a URL), a PDF to search for credentials, or nothing. */
export type Job = { kind: 'credential'; input: VerifyInput } | { kind: 'pdf'; bytes: Uint8Array; name: string } | { kind: 'none' };

/** What a finished run found, with the job it ran and what could not be used of the host's configuration. */
export type Outcome = ({ kind: 'report'; report: VerificationReport } | { kind: 'pdf'; name: string; result: PdfScanResult }) & {
  job: Job;
  registryProblems: RegistryProblem[];
};

/** How a run ended for the caller: done, failed (lib threw: a misuse, or the PDF reader), or superseded by a newer one. */
export type RunResult = { status: 'done'; outcome: Outcome } | { status: 'failed'; error: unknown } | { status: 'superseded' };

/** The options of one run (the host's, with the training registries it names loaded) and what could not be loaded. */
export type OptionsFor = (signal: AbortSignal) => Promise<{ options: VerifyOptions; registryProblems: RegistryProblem[] }>;

/**
 * The verification run of the element, on `@lit/task`: one run at a time (a new one aborts the
 * one under way, whose result is then ignored), the plan and each check as they finish, and the
 * report. Lib's `verify()` for a credential; for a PDF the lazily loaded PDF module (lib's
 * `verifyAll` with pdf.js in a Worker).
 */
export class VerificationController implements ReactiveController {
  /** The checks of the run, announced before any runs (lib's `plan` progress event), then as they finish. */
  planned: PlannedCheck[] = [];
  checks: Array<Check | undefined> = [];
  /** What the credential says, known once it is read (before its checks finish). */
  preview: CredentialSummary | undefined;

  private readonly task: Task<[Job], Outcome>;
  private current: Job = { kind: 'none' };
  /** A run cut off because the element left the page: run again when it comes back. */
  private interrupted: Job | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly optionsFor: OptionsFor,
    private readonly pdfWorkerUrl: URL,
  ) {
    this.task = new Task<[Job], Outcome>(host, { autoRun: false, task: ([job], { signal }) => this.perform(job, signal) });
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.running) this.interrupted = this.current;
    this.cancel();
  }

  /** The job cut off by the last disconnection, once (the host runs it again on reconnection). */
  takeInterrupted(): Job | undefined {
    const job = this.interrupted;
    this.interrupted = undefined;
    return job;
  }

  get running(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The last finished run's outcome (undefined while one runs, after a failure or a reset). */
  get outcome(): Outcome | undefined {
    return this.task.status === TaskStatus.COMPLETE ? this.task.value : undefined;
  }

  /** The report of the last finished credential run. */
  get report(): VerificationReport | undefined {
    const outcome = this.outcome;
    return outcome?.kind === 'report' ? outcome.report : undefined;
  }

  /** Starts `job` (aborting the run under way) and resolves when it ends or a newer run replaces it. */
  async start(job: Exclude<Job, { kind: 'none' }>): Promise<RunResult> {
    this.current = job;
    this.clearProgress();
    await this.task.run([job]);
    if (this.current !== job) return { status: 'superseded' };
    if (this.task.status === TaskStatus.ERROR) return { status: 'failed', error: this.task.error };
    const outcome = this.outcome;
    return outcome ? { status: 'done', outcome } : { status: 'superseded' };
  }

  /** Stops the run under way (its result is ignored) and forgets the last result. */
  cancel(): void {
    const none: Job = { kind: 'none' };
    this.current = none;
    this.clearProgress();
    void this.task.run([none]);
  }

  private clearProgress(): void {
    this.planned = [];
    this.checks = [];
    this.preview = undefined;
  }

  private async perform(job: Job, signal: AbortSignal): Promise<Outcome | typeof initialState> {
    if (job.kind === 'none') return initialState;
    const { options, registryProblems } = await this.optionsFor(signal);
    signal.throwIfAborted();
    if (job.kind === 'pdf') {
      const { scanPdfUpload } = await import('../pdf.js');
      const result = await scanPdfUpload(job.bytes, { ...options, signal }, this.pdfWorkerUrl);
      return { kind: 'pdf', name: job.name, result, job, registryProblems };
    }
    const report = await verify(job.input, {
      ...options,
      signal,
      onProgress: (event) => {
        if (signal.aborted) return;
        if (event.type === 'plan') {
          this.planned = event.checks;
          this.checks = [];
          this.preview = event.credential;
        } else {
          const next = [...this.checks];
          next[event.index] = event.check;
          this.checks = next;
        }
        this.host.requestUpdate();
      },
    });
    if (!signal.aborted) {
      this.checks = report.checks;
      this.planned = report.checks.map((c) => ({ id: c.id }));
      this.preview = undefined;
    }
    return { kind: 'report', report, job, registryProblems };
  }
}
