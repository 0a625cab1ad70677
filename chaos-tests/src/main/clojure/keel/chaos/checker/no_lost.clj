(ns keel.chaos.checker.no-lost
  "Durability of acknowledgements: a 202/200 from a node is a promise that the tx will be
  finalized, and a 400 is a promise that it will not. Faults tempt a node to break both —
  a mempool dropped in a crash, a rejection raced by a gossiped copy."
  (:require [keel.chaos.checker.run :as run]))

(defn- outcomes
  "Tx hash → {:ok op, :fail op, :info op} (the first completion of each type). A tx may be
  submitted more than once (a retry after a timeout), so a verdict must look at all of
  its completions together, not at each op alone."
  [run]
  (reduce (fn [acc op]
            (update-in acc [(get-in op [:value :tx]) (:type op)] #(or % op)))
          {}
          (run/tx-completions run)))

(defn- op-summary
  [tx op]
  {:tx tx :op-index (:index op) :process (:process op) :node (:node op) :time (:time op)})

(defn- missing-on
  "Nodes whose chain reaches `height` but lacks `tx`. Checking only the longest chain
  would miss a node that finalized a different tx set at the same heights."
  [chain-txs tips tx height]
  (vec (keep (fn [[node txs]] (when (and (>= (tips node) height) (not (contains? txs tx))) node))
             chain-txs)))

(def droppable
  "Codes with which a node may drop a tx it had acknowledged, per workload op. A bank transfer
  is admitted while its payer can pay; if other transfers spend the money first, the pool's
  re-check drops it and the node reports `rejected insufficient_funds` for its hash — an
  explicit outcome the client can read, not a loss. Nothing else excuses a missing tx."
  {:transfer #{"insufficient_funds"}})

(defn- dropped-code
  "The code a node reported when it dropped `tx` (from the final :tx-status reads), if that
  code is one the op's workload allows."
  [run tx op]
  (some (fn [[_node st]] (when (and (= "rejected" (:status st)) (contains? (droppable (:f op)) (:code st))) (:code st)))
        (get-in run [:tx-status tx])))

(defn- check-acknowledged
  [run acked l2-heights chain-txs tips]
  (reduce (fn [acc [tx op]]
            (if-let [height (l2-heights tx)]
              (if-let [nodes (not-empty (missing-on chain-txs tips tx height))]
                (update acc :missing-on-nodes conj {:tx tx :height height :missing-on nodes})
                acc)
              (if-let [code (dropped-code run tx op)]
                (update acc :dropped conj (assoc (op-summary tx op) :code code))
                (update acc :lost conj (op-summary tx op)))))
          {:lost [] :missing-on-nodes [] :dropped []}
          acked))

(defn- committed-failures
  "Definitely-rejected txs that some node finalized anyway, with where."
  [failed chain-txs]
  (keep (fn [[tx op]]
          (when-let [nodes (not-empty (vec (keep (fn [[node txs]] (when (contains? txs tx) node)) chain-txs)))]
            (assoc (op-summary tx op) :committed-on nodes)))
        failed))

(defn- judge
  [run chains]
  (let [by-tx (outcomes run)
        acked (sort-by (comp :index second) (keep (fn [[tx o]] (when (:ok o) [tx (:ok o)])) by-tx))
        ;; A :fail followed by an :ok or :info for the same tx (a retry) no longer says
        ;; "definitely not done", so only txs that failed every time count as rejected.
        failed (sort-by (comp :index second)
                        (keep (fn [[tx o]] (when (and (:fail o) (not (:ok o)) (not (:info o))) [tx (:fail o)])) by-tx))
        indeterminate (keep (fn [[tx o]] (when (and (:info o) (not (:ok o))) tx)) by-tx)
        [l2-node l2] (run/longest-chain run)
        l2-heights (run/tx-heights l2)
        chain-txs (into (sorted-map) (map (fn [[n b]] [n (set (mapcat :txs b))])) chains)
        tips (into {} (map (fn [[n b]] [n (run/tip b)])) chains)
        {:keys [lost missing-on-nodes dropped]} (check-acknowledged run acked l2-heights chain-txs tips)
        committed (committed-failures failed chain-txs)
        violations (+ (count lost) (count missing-on-nodes) (count committed))
        result {:l2 {:node l2-node :tip (run/tip l2)}
                :acknowledged-count (count acked)
                :lost-count (count lost)
                :lost (run/first-few lost)
                :dropped-after-ack-count (count dropped)
                :dropped-after-ack (run/first-few dropped)
                :missing-on-nodes-count (count missing-on-nodes)
                :missing-on-nodes (run/first-few missing-on-nodes)
                :failed-count (count failed)
                :failed-committed-count (count committed)
                :failed-committed (run/first-few committed)
                :indeterminate-count (count indeterminate)
                :indeterminate-committed-count (count (filter l2-heights indeterminate))}]
    (if (and (empty? acked) (empty? failed))
      (merge result (run/undecided "no acknowledged or rejected txs to check"))
      (assoc result :valid? (run/verdict violations)))))

(defn check
  "Valid when every acknowledged tx is in the longest finalized chain and in every other
  chain that reaches its height (or, for a workload in `droppable`, a node reports it was
  dropped with an allowed code), and no definitely-rejected tx is in any chain. Txs whose
  outcome the client never learned (:info) may go either way and are only counted.
  Skipped when no tx workload ran; :unknown without chains, since absence from nothing
  proves no loss."
  [run]
  (let [chains (run/chains run)]
    (cond
      (empty? (run/tx-completions run)) (run/not-run "no :submit or :transfer ops in the history")
      (empty? chains) (run/undecided "no node returned a chain")
      :else (judge run chains))))
