(ns keel.chaos.checker.bank-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.bank :as bank]
            [keel.chaos.checker.builders :refer [chain h nodes run-of same-chains]]))

(def initial {"a" 100 "b" 100 "c" 0})
(def settled {"a" 90 "b" 105 "c" 5})
(def blocks (chain [["t1"] ["t2"] ["t3"]]))

(defn- bank-run
  "A bank run where every node ends with `settled`, except the overrides in `finals`."
  [finals]
  (run-of {:chains (same-chains blocks)
           :bank {:initial initial :final (merge (zipmap nodes (repeat settled)) finals)}}))

(deftest conserved-equal-ledgers-are-valid
  (let [result (bank/check (bank-run {}))]
    (is (true? (:valid? result)))
    (is (= 200 (:initial-total result)))
    (is (= nodes (:nodes-checked result)))))

(deftest an-omitted-empty-account-is-not-a-disagreement
  (let [finals (assoc (zipmap nodes (repeat {"a" 95 "b" 105 "c" 0})) "n1" {"a" 95 "b" 105})]
    (is (true? (:valid? (bank/check (bank-run finals)))))))

(deftest a-changed-total-is-invalid
  (let [result (bank/check (bank-run (zipmap nodes (repeat {"a" 90 "b" 105 "c" 10}))))]
    (is (false? (:valid? result)))
    (is (= 205 (get-in result [:wrong-totals "n0"])))
    (is (= 5 (count (:wrong-totals result))))))

(deftest a-negative-balance-is-invalid-even-if-the-total-holds
  (let [overdrawn {"a" -10 "b" 205 "c" 5}
        result (bank/check (bank-run (zipmap nodes (repeat overdrawn))))]
    (is (false? (:valid? result)))
    (is (empty? (:wrong-totals result)))
    (is (= {"a" -10} (get-in result [:negative "n3"])))))

(deftest an-account-the-workload-never-funded-is-invalid
  (let [result (bank/check (bank-run {"n2" {"a" 90 "b" 105 "c" 5 "mint" 0}}))]
    (is (false? (:valid? result)))
    (is (= {"n2" ["mint"]} (:unknown-accounts result)))))

(deftest nodes-that-disagree-are-invalid-with-the-accounts-that-differ
  (let [result (bank/check (bank-run {"n4" {"a" 95 "b" 100 "c" 5}}))]
    (is (false? (:valid? result)))
    (testing "both ledgers conserve money, so only the comparison catches it"
      (is (empty? (:wrong-totals result))))
    (is (= 2 (:disagreeing-account-count result)))
    (is (= {:account "a" :balances {"n0" 90 "n1" 90 "n2" 90 "n3" 90 "n4" 95}}
           (first (:disagreeing-accounts result))))))

(deftest a-state-root-split-is-a-bank-violation
  (let [run (assoc-in (bank-run {}) [:chains "n1"] (assoc-in blocks [1 :state-root] (h :mutated)))
        result (bank/check run)]
    (is (false? (:valid? result)))
    (is (= 2 (get-in result [:first-state-root-divergence :height])))
    (is (= 1 (:state-root-divergent-height-count result)))))

(deftest without-the-bank-workload-the-checker-is-skipped
  (is (= {:valid? :unknown :skipped? true :reason "not run"}
         (select-keys (bank/check (run-of {:chains (same-chains blocks)})) [:valid? :skipped? :reason])))
  (testing "the workload ran but no ledger could be read: undecided, not skipped"
    (let [result (bank/check (run-of {:bank {:initial initial :final {}}}))]
      (is (= :unknown (:valid? result)))
      (is (not (:skipped? result))))))
