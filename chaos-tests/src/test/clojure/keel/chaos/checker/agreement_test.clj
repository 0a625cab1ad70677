(ns keel.chaos.checker.agreement-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.agreement :as agreement]
            [keel.chaos.checker.builders :refer [chain h run-of same-chains]]))

(def five (chain [["t1"] ["t2" "t3"] [] ["t4"] []]))

(deftest identical-chains-agree
  (let [result (agreement/check (run-of {:chains (same-chains five)}))]
    (is (true? (:valid? result)))
    (is (= 5 (:shared-heights result)))
    (is (zero? (:divergent-height-count result)))))

(deftest a-lagging-prefix-agrees
  (let [result (agreement/check (run-of {:chains (assoc (same-chains five) "n4" (subvec five 0 2))}))]
    (is (true? (:valid? result)))
    (is (= 2 (get-in result [:tips "n4"])))))

(deftest a-fork-at-height-3-is-reported-with-its-holders
  (let [forked (chain [["t1"] ["t2" "t3"] {:txs [] :salt :evil} ["t4"] []])
        result (agreement/check (run-of {:chains (merge (same-chains five) {"n3" forked "n4" forked})}))]
    (is (false? (:valid? result)))
    (is (= {:height 3 :field :hash
            :holders {(:hash (five 2)) ["n0" "n1" "n2"] (:hash (forked 2)) ["n3" "n4"]}}
           (update (:first-divergence result) :holders #(into {} %))))
    (testing "every height above the fork diverges too"
      (is (= 3 (:divergent-height-count result))))))

(deftest equal-hashes-with-different-state-roots-diverge
  (let [split (assoc-in five [3 :state-root] (h :other-state))
        result (agreement/check (run-of {:chains (assoc (same-chains five) "n2" split)}))]
    (is (false? (:valid? result)))
    (is (= 4 (get-in result [:first-divergence :height])))
    (is (= :state-root (get-in result [:first-divergence :field])))
    (is (= ["n2"] (get-in result [:first-divergence :holders (h :other-state)])))))

(deftest a-broken-parent-link-is-invalid
  (let [broken (assoc-in five [2 :parent] (h :elsewhere))
        result (agreement/check (run-of {:chains (assoc (same-chains five) "n1" broken)}))]
    (is (false? (:valid? result)))
    (is (= [{:node "n1" :kind :parent-mismatch :height 3
             :parent (h :elsewhere) :expected-parent (:hash (five 1))}]
           (:broken-links result)))))

(deftest a-height-gap-is-a-broken-link
  (let [gapped (into (subvec five 0 2) (subvec five 3))
        result (agreement/check (run-of {:chains (assoc (same-chains five) "n0" gapped)}))]
    (is (false? (:valid? result)))
    (is (some #(= {:node "n0" :kind :height-gap :expected-height 3 :height 4} %)
              (:broken-links result)))))

(deftest a-single-chain-cannot-show-agreement-but-can-show-a-broken-link
  (is (= :unknown (:valid? (agreement/check (run-of {:chains {"n0" five}})))))
  (is (= :unknown (:valid? (agreement/check (run-of {:chains {}})))))
  (is (= :unknown (:valid? (agreement/check (run-of {:chains {"n0" five "n1" []}})))))
  (is (false? (:valid? (agreement/check (run-of {:chains {"n0" (assoc-in five [4 :parent] "00")}}))))))

(deftest nodes-without-a-chain-are-listed
  (is (= ["n2" "n3" "n4"]
         (:missing-chains (agreement/check (run-of {:chains {"n0" five "n1" five}}))))))
