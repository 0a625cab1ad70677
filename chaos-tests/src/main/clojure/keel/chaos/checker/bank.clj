(ns keel.chaos.checker.bank
  "The bank invariants: transfers move money, they never create, destroy or overdraw it,
  and every node computes the same ledger. Totals catch lost or doubled execution that
  slipped past the tx-level checkers; per-node equality and state roots catch
  non-deterministic execution."
  (:require [keel.chaos.checker.agreement :as agreement]
            [keel.chaos.checker.run :as run]))

(defn- total [balances] (reduce + 0 (vals balances)))

(defn- node-problems
  "Per-node ledger violations, each keyed by node so a report says whose ledger broke."
  [initial finals]
  (let [expected (total initial)]
    {:wrong-totals (into (sorted-map)
                         (keep (fn [[n b]] (when (not= expected (total b)) [n (total b)])))
                         finals)
     :negative (into (sorted-map)
                     (keep (fn [[n b]] (when-let [neg (not-empty (into (sorted-map) (filter (comp neg? val)) b))]
                                         [n neg])))
                     finals)
     ;; An account the workload never funded can only appear by minting money.
     :unknown-accounts (into (sorted-map)
                             (keep (fn [[n b]] (when-let [extra (not-empty (vec (sort (remove (set (keys initial)) (keys b)))))]
                                                 [n extra])))
                             finals)}))

(defn- disagreements
  "Accounts whose final balance differs between nodes, with every node's value. A node
  that does not list an account holds 0 in it: a ledger read may omit empty accounts,
  and that is not a disagreement about money."
  [finals]
  (let [accounts (sort (distinct (mapcat keys (vals finals))))]
    (keep (fn [account]
            (let [by-node (into (sorted-map) (map (fn [[n b]] [n (get b account 0)])) finals)]
              (when (> (count (set (vals by-node))) 1)
                {:account account :balances by-node})))
          accounts)))

(defn- judge
  [run initial finals]
  (let [{:keys [wrong-totals negative unknown-accounts] :as problems} (node-problems initial finals)
        disagreed (disagreements finals)
        roots (agreement/divergences (run/chains run) [:state-root])]
    (merge problems
           {:valid? (run/verdict (+ (count wrong-totals) (count negative) (count unknown-accounts)
                                    (count disagreed) (count roots)))
            :nodes-checked (vec (keys finals))
            :missing-finals (vec (remove (set (keys finals)) (:nodes run)))
            :initial-total (total initial)
            :totals (into (sorted-map) (map (fn [[n b]] [n (total b)])) finals)
            :disagreeing-account-count (count disagreed)
            :disagreeing-accounts (run/first-few disagreed)
            :state-root-divergent-height-count (count roots)
            :first-state-root-divergence (first roots)})))

(defn check
  "Valid when every node's final ledger sums to the initial total, has no negative
  balance and no account the workload did not fund, all nodes' ledgers are equal, and
  all chains agree on the state root at every shared height. Skipped when the bank
  workload did not run; :unknown when no node's final balances could be read."
  [run]
  (let [{:keys [initial final]} (:bank run)
        finals (into (sorted-map) (remove (comp nil? val)) final)]
    (cond
      (nil? (:bank run)) (run/not-run "no :bank in the run")
      (empty? finals) (run/undecided "no node's final balances were read")
      :else (judge run initial finals))))
