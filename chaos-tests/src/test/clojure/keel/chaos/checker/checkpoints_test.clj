(ns keel.chaos.checker.checkpoints-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.builders :refer [chain checkpoint h run-of same-chains]]
            [keel.chaos.checker.checkpoints :as checkpoints]))

(def blocks (chain [["t1"] [] ["t2"] ["t3"] [] [] ["t4"]]))
(def good-l1 [(checkpoint blocks 1 1 3) (checkpoint blocks 2 4 6)])

(defn- check-l1 [l1]
  (checkpoints/check (run-of {:chains (assoc (same-chains blocks) "n4" (subvec blocks 0 2))
                              :checkpoints {:l1 l1}})))

(defn- kinds [result] (set (map :kind (:violations result))))

(deftest checkpoints-that-match-the-l2-are-valid
  (let [result (check-l1 good-l1)]
    (is (true? (:valid? result)))
    (is (= 2 (:checkpoint-count result)))
    (is (= [1 6] (:covered-heights result)))
    (is (= {:node "n0" :tip 7} (:l2 result)))))

(deftest hex-spelling-does-not-matter
  (is (true? (:valid? (check-l1 [(update (first good-l1) :merkle-root #(str "0x" (.toUpperCase ^String %)))])))))

(deftest a-single-block-range-is-checked-too
  (is (true? (:valid? (check-l1 [(checkpoint blocks 1 1 1) (checkpoint blocks 2 2 2)])))))

(deftest a-wrong-merkle-root-is-invalid
  (testing "the root over the same hashes in the wrong order"
    (let [swapped (assoc (second good-l1) :merkle-root (:merkle-root (checkpoint (vec (reverse blocks)) 2 2 4)))
          result (check-l1 [(first good-l1) swapped])]
      (is (false? (:valid? result)))
      (is (= [{:number 2 :kind :merkle-root :last-height 6
               :l2 (:merkle-root (second good-l1)) :l1 (:merkle-root swapped)}]
             (:violations result))))))

(deftest a-wrong-last-block-hash-is-invalid
  (let [result (check-l1 [(assoc (first good-l1) :last-block-hash (h :not-a-block)) (second good-l1)])]
    (is (false? (:valid? result)))
    (is (= #{:last-block-hash} (kinds result)))))

(deftest a-wrong-state-root-is-invalid
  (is (= #{:state-root} (kinds (check-l1 [(assoc (first good-l1) :state-root (h :other))])))))

(deftest a-gap-in-numbers-is-invalid
  (let [result (check-l1 [(first good-l1) (assoc (second good-l1) :number 3)])]
    (is (false? (:valid? result)))
    (is (= [{:number 3 :kind :number-gap :expected-number 2}] (:violations result)))))

(deftest numbering-must-start-at-1
  (is (= #{:number-gap} (kinds (check-l1 [(assoc (first good-l1) :number 2)])))))

(deftest a-gap-in-heights-is-invalid
  (let [result (check-l1 [(checkpoint blocks 1 1 3) (checkpoint blocks 2 5 6)])]
    (is (false? (:valid? result)))
    (is (= [{:number 2 :kind :range-gap :expected-first-height 4 :first-height 5}] (:violations result)))))

(deftest coverage-must-start-at-height-1
  (is (= #{:range-gap} (kinds (check-l1 [(checkpoint blocks 1 2 3)])))))

(deftest an-l2-too-short-for-a-checkpoint-is-invalid
  (let [beyond (assoc (checkpoint blocks 2 4 6) :number 3 :first-height 7 :last-height 9)
        result (check-l1 (conj good-l1 beyond))]
    (is (false? (:valid? result)))
    (is (= [{:number 3 :kind :beyond-l2 :last-height 9 :l2-tip 7}] (:violations result)))))

(deftest without-checkpoints-the-verdict-is-unknown
  (testing "the checkpoint workload did not run: skipped"
    (is (:skipped? (checkpoints/check (run-of {:chains (same-chains blocks)})))))
  (testing "it ran but nothing reached the L1"
    (let [result (check-l1 [])]
      (is (= :unknown (:valid? result)))
      (is (not (:skipped? result)))))
  (testing "no L2 chain to compare with"
    (is (= :unknown (:valid? (checkpoints/check (run-of {:checkpoints {:l1 good-l1}})))))))
