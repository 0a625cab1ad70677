(ns keel.chaos.checker.no-duplicate
  "Exactly-once execution. Consensus orders payloads, it does not dedupe them: a tx
  resubmitted to a second node after a timeout can be ordered twice. The executor's rule
  is to run the first copy and mark later ones \"duplicate\"; a second execution would,
  e.g., move a bank transfer's money twice."
  (:require [keel.chaos.checker.run :as run]))

(def duplicate-result
  "The result code with which the executor marks a tx committed earlier and skipped here."
  "duplicate")

(defn- positions
  "Tx hash → its positions in chain order, each {:height :index :result}."
  [blocks]
  (reduce (fn [acc block]
            (let [results (vec (:results block))]
              (reduce (fn [acc [i tx]]
                        (update acc tx (fnil conj []) {:height (:height block) :index i
                                                       :result (get results i)}))
                      acc
                      (map-indexed vector (:txs block)))))
          {}
          blocks))

(defn- executed? [position] (not= duplicate-result (:result position)))

(defn- tx-violation
  "What, if anything, is wrong with one tx's positions on one node. Beyond \"executed
  twice\", the rule has two more ways to fail: marked duplicate but never executed (the
  tx silently did nothing), and marked duplicate before its execution (the executor
  claimed an earlier commit that does not exist)."
  [node tx ps]
  (let [executed (filterv executed? ps)]
    (cond
      (> (count executed) 1) {:node node :tx tx :kind :executed-twice :executed executed}
      (empty? executed) {:node node :tx tx :kind :never-executed :positions ps}
      (not (executed? (first ps))) {:node node :tx tx :kind :duplicate-before-execution :positions ps})))

(defn- malformed-blocks
  "Blocks whose :results are not parallel to :txs: a result could not be told apart from
  a missing one, so the exactly-once rule cannot be read off them."
  [node blocks]
  (keep (fn [block]
          (when (not= (count (:txs block)) (count (:results block)))
            {:node node :height (:height block) :tx-count (count (:txs block))
             :result-count (count (:results block))}))
        blocks))

(defn- check-chains
  [run chains]
  (let [per-node (into (sorted-map) (map (fn [[n b]] [n (positions b)])) chains)
        violations (for [[node by-tx] per-node
                         [tx ps] (sort-by (comp (juxt :height :index) first val) by-tx)
                         :let [v (tx-violation node tx ps)]
                         :when v]
                     v)
        malformed (mapcat (fn [[n b]] (malformed-blocks n b)) chains)
        by-kind (group-by :kind violations)
        marked (into (sorted-map)
                     (map (fn [[n by-tx]] [n (count (remove executed? (apply concat (vals by-tx))))]))
                     per-node)
        [l2-node] (run/longest-chain run)]
    {:valid? (run/verdict (+ (count violations) (count malformed)))
     :nodes-checked (count chains)
     :tx-count (count (per-node l2-node))
     :duplicate-marked-count (get marked l2-node 0)
     :duplicate-marked marked
     :executed-twice-count (count (:executed-twice by-kind))
     :executed-twice (run/first-few (:executed-twice by-kind))
     :never-executed-count (count (:never-executed by-kind))
     :never-executed (run/first-few (:never-executed by-kind))
     :duplicate-before-execution-count (count (:duplicate-before-execution by-kind))
     :duplicate-before-execution (run/first-few (:duplicate-before-execution by-kind))
     :malformed-block-count (count malformed)
     :malformed-blocks (run/first-few malformed)}))

(defn check
  "Valid when, on every node's chain, each tx is executed (result other than
  \"duplicate\") at exactly one position and every \"duplicate\" copy comes after it.
  Copies marked duplicate are expected under retries and only counted (longest chain in
  :duplicate-marked-count, per node in :duplicate-marked). :unknown when no chain holds
  a single tx: exactly-once is then vacuous, not demonstrated."
  [run]
  (let [chains (run/chains run)]
    (cond
      (empty? chains) (run/undecided "no node returned a chain")
      (not-any? (comp seq :txs) (mapcat val chains)) (run/undecided "no chain holds any tx")
      :else (check-chains run chains))))
