/**
 * Running simulations: topology, seeded fault plans, one seed's run, batches of seeds in parallel, and their report.
 */
package dev.keel.simulator.run;
