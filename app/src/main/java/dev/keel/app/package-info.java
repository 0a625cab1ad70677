/**
 * The application interface Keel executes committed blocks against ({@link dev.keel.app.Application}),
 * its result types, the state-root hash chain the shipped applications share
 * ({@link dev.keel.app.StateRootChain}) and the factory that builds the application a genesis names
 * ({@link dev.keel.app.Applications}).
 */
package dev.keel.app;
