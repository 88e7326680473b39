import type { BuildOptions } from 'esbuild';

export declare const WIDGET_BUILD_OPTIONS: BuildOptions;
