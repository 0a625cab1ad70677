(ns keel.chaos.checker-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker :as checker]
            [keel.chaos.checker.builders :refer [chain checkpoint fault history nodes run-of same-chains samples]]))

(def blocks (chain [["t1"] ["t2" ["t1" "duplicate"]] [] ["t3"]]))

(def stalled
  "Heights that never move: after a heal at 9 s the cluster is stuck."
  (samples 10 (constantly 3)))

(def good-run
  "A run in which every workload and nemesis ran and nothing went wrong."
  (run-of {:twins #{2}
           :history (history [:ok :submit "t1"] [:ok :transfer {:tx "t2" :from "a" :to "b" :amount 5}]
                             [:info :submit "t1" :node "n1"] [:ok :submit "t3"])
           :chains (same-chains blocks)
           :bank {:initial {"a" 100 "b" 100} :final (zipmap nodes (repeat {"a" 95 "b" 105}))}
           :faults [(fault 0 1 2)]
           :heights (samples 10 (fn [t] (long (* 4 t))))
           :evidence {"n0" [{:validator 2 :round 3 :blocks ["ab" "cd"]}]}
           :checkpoints {:l1 [(checkpoint blocks 1 1 2) (checkpoint blocks 2 3 4)]}}))

(defn- verdicts [result]
  (into {} (map (fn [[name v]] [name (:valid? v)])) (:checkers result)))

(deftest a-good-run-is-valid-under-every-checker
  (let [result (checker/check-all good-run)]
    (is (true? (:valid? result)))
    (is (= {:agreement true :no-lost true :no-duplicate true :bank true :liveness true
            :conflicting-votes true :checkpoints true}
           (verdicts result)))
    (is (= (keys checker/checkers) (keys (:checkers result))) "reports keep checker order")))

(deftest one-invalid-checker-makes-the-run-invalid
  (let [result (checker/check-all (assoc-in good-run [:evidence "n1"] [{:validator 0 :round 4 :blocks ["ab" "cd"]}]))]
    (is (false? (:valid? result)))
    (is (false? (get-in result [:checkers :conflicting-votes :valid?])))
    (is (true? (get-in result [:checkers :agreement :valid?])))))

(deftest invalid-wins-over-unknown
  (let [run (-> good-run
                (assoc :faults [(fault 0 1 9)] :heights stalled)
                (assoc-in [:bank :final "n0"] {"a" 0 "b" 100}))]
    (is (= :unknown (get-in (checker/check-all run) [:checkers :liveness :valid?])))
    (is (false? (:valid? (checker/check-all run))))))

(deftest skipped-checkers-do-not-make-the-run-unknown
  (let [result (checker/check-all (dissoc good-run :bank :checkpoints))]
    (is (true? (:valid? result)))
    (is (= {:valid? :unknown :skipped? true :reason "not run"}
           (select-keys (get-in result [:checkers :bank]) [:valid? :skipped? :reason])))
    (is (get-in result [:checkers :checkpoints :skipped?]))))

(deftest an-undecided-checker-makes-the-run-unknown
  (testing "a stall after the heal at 9 s cannot be judged by 30 s in a 10 s sample series"
    (let [result (checker/check-all (assoc good-run :faults [(fault 0 1 9)] :heights stalled))]
      (is (= :unknown (:valid? result)))
      (is (not (get-in result [:checkers :liveness :skipped?])))))
  (testing "options reach the checker they name: with a 0.5 s bound the stall is seen"
    (is (false? (:valid? (checker/check-all (assoc good-run :faults [(fault 0 1 9)] :heights stalled)
                                            {:liveness {:bound-s 0.5}}))))))

(deftest a-checker-that-throws-is-unknown-and-the-others-still-report
  (let [result (checker/check-all (assoc-in good-run [:bank :initial] {"a" "one hundred"}))]
    (is (= :unknown (:valid? result)))
    (is (= "checker threw" (get-in result [:checkers :bank :reason])))
    (is (true? (get-in result [:checkers :agreement :valid?])))))

(deftest combining-verdicts
  (let [skipped {:valid? :unknown :skipped? true}]
    (is (true? (checker/combine [{:valid? true} skipped])))
    (is (true? (checker/combine [skipped])) "nothing ran, nothing failed")
    (is (= :unknown (checker/combine [{:valid? true} {:valid? :unknown} skipped])))
    (is (false? (checker/combine [{:valid? :unknown} {:valid? false} {:valid? true}])))))
