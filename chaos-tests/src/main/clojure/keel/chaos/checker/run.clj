(ns keel.chaos.checker.run
  "Views of a recorded run map that several checkers share. They live in one place so
  that every checker reads the contract the same way: which chain counts as \"the L2\",
  how hex strings compare, what a skipped verdict looks like."
  (:require [clojure.string :as str]))

(def example-limit
  "Failure details carry at most this many examples next to a full count: enough to start
  debugging, few enough that a run with thousands of violations still prints readably."
  10)

(defn first-few
  "The first `example-limit` items of `xs`, as a vector so reports print eagerly."
  [xs]
  (vec (take example-limit xs)))

(defn not-run
  "The verdict of a checker whose workload or nemesis did not run. `:skipped?` lets
  `check-all` tell \"nothing to check\" apart from \"could not decide\"; only the latter
  should make a whole run :unknown."
  [detail]
  {:valid? :unknown :skipped? true :reason "not run" :detail detail})

(defn undecided
  "The verdict of a checker that ran but lacked the data to decide. Unlike `not-run`, it
  makes the combined verdict :unknown: something we meant to check went unobserved."
  [reason]
  {:valid? :unknown :reason reason})

(defn verdict
  "Turns \"were there violations?\" into the :valid? value, so no checker can report a
  violation count next to `:valid? true` by mistake."
  [violation-count]
  (zero? violation-count))

(defn chains
  "Node name → chain (a vector of blocks), sorted by node name so that iteration, and
  therefore every report, is reproducible. Nodes that returned no chain are dropped."
  [run]
  (into (sorted-map)
        (keep (fn [[node blocks]] (when (some? blocks) [node (vec blocks)])))
        (:chains run)))

(defn tip
  "The height of a chain's last block; 0 for an empty chain (nothing finalized yet)."
  [blocks]
  (or (:height (peek (vec blocks))) 0))

(defn longest-chain
  "[node blocks] of the longest chain, or nil when no node returned one. Ties go to the
  lowest node name so that the chain a verdict was checked against is reproducible. When
  agreement holds every shorter chain is a prefix of this one, so it is the L2."
  [run]
  (reduce (fn [best [node blocks]]
            (if (or (nil? best) (> (tip blocks) (tip (second best))))
              [node blocks]
              best))
          nil
          (chains run)))

(defn by-height
  "Height → block. Built once per chain and indexed by each block's own :height rather
  than its position, so a chain that broke the no-gaps contract cannot make a checker
  compare the wrong blocks."
  [blocks]
  (into {} (map (juxt :height identity)) blocks))

(defn tx-heights
  "Tx hash → the height of its first appearance in `blocks`."
  [blocks]
  (reduce (fn [acc block]
            (reduce (fn [acc tx] (if (contains? acc tx) acc (assoc acc tx (:height block))))
                    acc
                    (:txs block)))
          {}
          blocks))

(def tx-fs
  "Client operations that carry a transaction: the unique-tx and the bank workloads."
  #{:submit :transfer})

(defn tx-completions
  "The completions (:ok, :fail, :info) of transaction-carrying ops, in history order."
  [run]
  (filter (fn [op] (and (tx-fs (:f op)) (not= :invoke (:type op)))) (:history run)))

(defn norm-hex
  "Lower-case hex without a 0x prefix: the L1 and the nodes may spell the same hash
  differently, and a checker must not call that a mismatch."
  [s]
  (some-> s str/lower-case (str/replace #"^0x" "")))
