(ns keel.chaos.checker.no-duplicate-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.builders :refer [chain run-of same-chains]]
            [keel.chaos.checker.no-duplicate :as no-duplicate]))

(defn- check-chain [blocks] (no-duplicate/check (run-of {:chains (same-chains blocks)})))

(deftest each-tx-executed-once-is-valid
  (let [result (check-chain (chain [["t1" "t2"] [] [["t3" "insufficient_funds"]]]))]
    (is (true? (:valid? result)))
    (is (= 3 (:tx-count result)))
    (is (zero? (:duplicate-marked-count result)))))

(deftest a-repeat-marked-duplicate-is-fine-and-counted
  (let [result (check-chain (chain [["t1" "t2"] [["t1" "duplicate"]] [["t1" "duplicate"] ["t2" "duplicate"]]]))]
    (is (true? (:valid? result)))
    (is (= 3 (:duplicate-marked-count result)))
    (is (= 3 (get-in result [:duplicate-marked "n4"])))))

(deftest executed-in-two-blocks-is-invalid
  (let [result (check-chain (chain [["t1"] ["t2"] ["t1"]]))]
    (is (false? (:valid? result)))
    (is (= 5 (:executed-twice-count result)) "once per node")
    (is (= {:node "n0" :tx "t1" :kind :executed-twice
            :executed [{:height 1 :index 0 :result "ok"} {:height 3 :index 0 :result "ok"}]}
           (first (:executed-twice result))))))

(deftest executed-twice-in-one-block-is-invalid
  (let [result (check-chain (chain [["t1" "t2" ["t1" "insufficient_funds"]]]))]
    (is (false? (:valid? result)))
    (is (= [{:height 1 :index 0 :result "ok"} {:height 1 :index 2 :result "insufficient_funds"}]
           (get-in result [:executed-twice 0 :executed])))))

(deftest a-tx-marked-duplicate-but-never-executed-is-invalid
  (let [result (check-chain (chain [["t1"] [["t2" "duplicate"]]]))]
    (is (false? (:valid? result)))
    (is (= "t2" (get-in result [:never-executed 0 :tx])))))

(deftest a-duplicate-mark-before-the-execution-is-invalid
  (let [result (check-chain (chain [[["t1" "duplicate"]] ["t1"]]))]
    (is (false? (:valid? result)))
    (is (= 5 (:duplicate-before-execution-count result)))))

(deftest results-not-parallel-to-txs-are-malformed
  (let [blocks (assoc-in (chain [["t1" "t2"]]) [0 :results] ["ok"])
        result (check-chain blocks)]
    (is (false? (:valid? result)))
    (is (= {:node "n0" :height 1 :tx-count 2 :result-count 1} (first (:malformed-blocks result))))))

(deftest only-one-node-executing-twice-is-enough
  (let [result (no-duplicate/check (run-of {:chains (assoc (same-chains (chain [["t1"] ["t2"]]))
                                                           "n3" (chain [["t1"] ["t1"]]))}))]
    (is (false? (:valid? result)))
    (is (= ["n3"] (map :node (:executed-twice result))))))

(deftest without-transactions-the-verdict-is-unknown
  (testing "no chains"
    (is (= :unknown (:valid? (no-duplicate/check (run-of {:chains {}}))))))
  (testing "chains with no tx at all"
    (is (= :unknown (:valid? (check-chain (chain 3)))))))
