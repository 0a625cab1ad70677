/**
 * The node's HTTP API on pekko-http: {@link dev.keel.node.http.HttpServer} binds routes and
 * turns every rejection or failure into a JSON error with a stable code;
 * {@link dev.keel.node.http.NodeApi} serves health, readiness, status, metrics and the
 * "why no progress" view from a {@link dev.keel.node.status.NodeView};
 * {@link dev.keel.node.http.ChainApi} serves transactions, blocks (and their SSE stream), checkpoints,
 * application queries and {@code /v1/openapi.json} from a {@link dev.keel.node.chain.ChainAccess} and a
 * {@link dev.keel.node.checkpoint.CheckpointView} (which also gives transactions and blocks their finality).
 */
package dev.keel.node.http;
