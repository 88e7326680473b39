// The reference verifiers' status-list library ships no types; scripts/crosscheck-lib.ts types what it uses.
declare module '@digitalcredentials/vc-bitstring-status-list';
