(ns keel.chaos.checker.no-lost-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.builders :refer [chain history run-of same-chains]]
            [keel.chaos.checker.no-lost :as no-lost]))

(def blocks (chain [["t1"] ["t2" "x1"] [] ["t3"]]))

(def acked
  (history [:ok :submit "t1"]
           [:ok :submit "t2" :node "n2"]
           [:ok :transfer {:tx "t3" :from "a" :to "b" :amount 5}]))

(deftest every-acknowledged-tx-finalized-is-valid
  (let [result (no-lost/check (run-of {:history acked :chains (same-chains blocks)}))]
    (is (true? (:valid? result)))
    (is (= 3 (:acknowledged-count result)))
    (is (= {:node "n0" :tip 4} (:l2 result)))))

(deftest an-acknowledged-tx-missing-from-the-chain-is-lost
  (let [run (run-of {:history (history [:ok :submit "t1"] [:ok :submit "t9" :node "n3"])
                     :chains (same-chains blocks)})
        result (no-lost/check run)]
    (is (false? (:valid? result)))
    (is (= 1 (:lost-count result)))
    (is (= [{:tx "t9" :op-index 3 :process 1 :node "n3" :time 1005000000}] (:lost result)))))

(deftest a-node-long-enough-to-hold-an-acked-tx-must-hold-it
  (testing "n4 reaches height 4 but finalized height 2 without t2"
    (let [without-t2 (chain [["t1"] ["x1"] [] ["t3"]])
          result (no-lost/check (run-of {:history acked :chains (assoc (same-chains blocks) "n4" without-t2)}))]
      (is (false? (:valid? result)))
      (is (zero? (:lost-count result)))
      (is (= [{:tx "t2" :height 2 :missing-on ["n4"]}] (:missing-on-nodes result)))))
  (testing "a node that has not reached the tx's height yet is not blamed"
    (let [lagging (subvec blocks 0 1)]
      (is (true? (:valid? (no-lost/check (run-of {:history acked :chains (assoc (same-chains blocks) "n4" lagging)}))))))))

(deftest a-definitely-rejected-tx-that-got-committed-is-invalid
  (let [result (no-lost/check (run-of {:history (history [:ok :submit "t1"] [:fail :submit "x1" :node "n1"])
                                       :chains (same-chains blocks)}))]
    (is (false? (:valid? result)))
    (is (= 1 (:failed-committed-count result)))
    (is (= "x1" (get-in result [:failed-committed 0 :tx])))
    (is (= ["n0" "n1" "n2" "n3" "n4"] (get-in result [:failed-committed 0 :committed-on])))))

(deftest a-rejection-followed-by-an-accepted-retry-is-not-a-rejection
  (is (true? (:valid? (no-lost/check (run-of {:history (history [:fail :submit "t1"] [:ok :submit "t1" :node "n1"])
                                              :chains (same-chains blocks)}))))))

(deftest indeterminate-txs-may-go-either-way
  (let [result (no-lost/check (run-of {:history (history [:ok :submit "t1"] [:info :submit "x1"] [:info :submit "gone"])
                                       :chains (same-chains blocks)}))]
    (is (true? (:valid? result)))
    (is (= 2 (:indeterminate-count result)))
    (is (= 1 (:indeterminate-committed-count result)))))

(deftest without-data-the-verdict-is-unknown
  (testing "no tx workload ran: skipped"
    (is (= {:valid? :unknown :skipped? true :reason "not run"}
           (select-keys (no-lost/check (run-of {:chains (same-chains blocks)})) [:valid? :skipped? :reason]))))
  (testing "no chains"
    (let [result (no-lost/check (run-of {:history acked :chains {}}))]
      (is (= :unknown (:valid? result)))
      (is (not (:skipped? result)))))
  (testing "only timeouts: nothing was promised"
    (is (= :unknown (:valid? (no-lost/check (run-of {:history (history [:info :submit "t1"])
                                                     :chains (same-chains blocks)})))))))

(deftest a-transfer-dropped-for-insufficient-funds-is-reported-not-lost
  (let [hist (history [:ok :submit "t1"] [:ok :transfer {:tx "t8" :from "a" :to "b" :amount 5}])
        base {:history hist :chains (same-chains blocks)}
        dropped (no-lost/check (run-of (assoc base :tx-status {"t8" {"n1" {:status "rejected" :code "insufficient_funds"}}})))]
    (is (true? (:valid? dropped)))
    (is (= 1 (:dropped-after-ack-count dropped)))
    (testing "another code, or the same code for the unique workload, is still a loss"
      (is (false? (:valid? (no-lost/check (run-of (assoc base :tx-status {"t8" {"n1" {:status "rejected" :code "expired"}}}))))))
      (is (false? (:valid? (no-lost/check
                             (run-of {:history (history [:ok :submit "t8"]) :chains (same-chains blocks)
                                      :tx-status {"t8" {"n1" {:status "rejected" :code "insufficient_funds"}}}}))))))
    (testing "a pending status excuses nothing"
      (is (false? (:valid? (no-lost/check (run-of (assoc base :tx-status {"t8" {"n1" {:status "pending"}}})))))))))
