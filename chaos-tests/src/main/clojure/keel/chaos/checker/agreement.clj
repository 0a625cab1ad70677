(ns keel.chaos.checker.agreement
  "Safety, the property BFT consensus exists for: a height, once finalized, names the same
  block on every honest node, and executing it yields the same state. A fork or a
  state-root split after a partition heals is the worst bug the chaos tests can find."
  (:require [keel.chaos.checker.run :as run]))

(defn- height-breaks
  "Blocks whose :height is not their 1-based position. The contract promises heights
  1..tip without gaps; a node that violates it serves a chain no light client could follow."
  [node blocks]
  (keep-indexed (fn [i block]
                  (when (not= (inc i) (:height block))
                    {:node node :kind :height-gap :expected-height (inc i) :height (:height block)}))
                blocks))

(defn- parent-breaks
  "Blocks whose :parent is not the previous block's hash: the chain is not one chain."
  [node blocks]
  (keep (fn [[prev block]]
          (when (not= (:parent block) (:hash prev))
            {:node node :kind :parent-mismatch :height (:height block)
             :parent (:parent block) :expected-parent (:hash prev)}))
        (partition 2 1 blocks)))

(defn broken-links
  "Every place where some node's chain is not hash-linked, across all chains."
  [chains]
  (mapcat (fn [[node blocks]] (concat (height-breaks node blocks) (parent-breaks node blocks)))
          chains))

(defn- divergence-at
  "Compares the blocks nodes hold at one height, field by field in `fields` order; the
  first field that splits them is reported with which nodes hold which value. Comparing
  :hash before :state-root means a state split is only claimed for identical blocks,
  where it proves non-deterministic execution rather than a fork."
  [height blocks-by-node fields]
  (some (fn [field]
          (let [holders (reduce-kv (fn [acc node block] (update acc (get block field) (fnil conj []) node))
                                   (sorted-map-by #(compare (str %1) (str %2)))
                                   blocks-by-node)]
            (when (> (count holders) 1)
              {:height height :field field :holders holders})))
        fields))

(defn shared-heights
  "Heights held by two or more chains, ascending: the only heights where nodes can disagree."
  [chains]
  (let [tips (sort > (map (comp run/tip val) chains))]
    (if (< (count tips) 2) [] (range 1 (inc (second tips))))))

(defn divergences
  "Every shared height where nodes disagree on any of `fields` (e.g. [:hash :state-root]),
  ascending, lazily: callers that only want the first pay for one."
  [chains fields]
  (let [indexed (into {} (map (fn [[node blocks]] [node (run/by-height blocks)])) chains)]
    (keep (fn [height]
            (let [blocks (into (sorted-map)
                               (keep (fn [[node idx]] (when-let [b (idx height)] [node b])))
                               indexed)]
              (when (> (count blocks) 1)
                (divergence-at height blocks fields))))
          (shared-heights chains))))

(defn check
  "Valid when every height held by two or more nodes has one block hash and one state
  root, and every chain is hash-linked. A broken link is invalid even with a single chain
  (it needs no comparison); otherwise :unknown when fewer than two nodes hold a common
  height, since agreement between one node and nobody proves nothing."
  [run]
  (let [chains (run/chains run)
        links (broken-links chains)
        diverged (divergences chains [:hash :state-root])
        shared (count (shared-heights chains))
        result {:nodes (vec (keys chains))
                :tips (into (sorted-map) (map (fn [[n b]] [n (run/tip b)])) chains)
                :missing-chains (vec (remove (set (keys chains)) (:nodes run)))
                :shared-heights shared
                :first-divergence (first diverged)
                :divergent-height-count (count diverged)
                :divergences (run/first-few diverged)
                :broken-link-count (count links)
                :broken-links (run/first-few links)}]
    (cond
      (seq links) (assoc result :valid? false)
      (zero? shared) (merge result (run/undecided "fewer than two nodes hold a common height"))
      :else (assoc result :valid? (run/verdict (count diverged))))))
