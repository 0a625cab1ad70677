(ns keel.chaos.checker.liveness-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.builders :refer [fault run-of s->ns samples]]
            [keel.chaos.checker.liveness :as liveness]))

(defn- committing-except
  "Height at second t for a cluster that commits every 250 ms, except strictly inside
  the stalls [from-s to-s] (to-s nil: never resumes); the commit at to-s is the first
  after a stall."
  [& stalls]
  (fn [t]
    (count (remove (fn [k] (some (fn [[from to]] (and (< from (/ k 4.0)) (or (nil? to) (< (/ k 4.0) to)))) stalls))
                   (range 1 (inc (long (* 4 t))))))))

(defn- liveness-run [faults until-s height-at]
  (run-of {:faults faults :heights (samples until-s height-at)}))

(deftest progress-3s-after-the-heal-is-valid
  (let [result (liveness/check (liveness-run [(fault 0 10 20)] 60 (committing-except [10 23])))]
    (is (true? (:valid? result)))
    (is (= [{:time (s->ns 20) :faults [0] :nemeses [:partition-halves] :final? true
             :baseline-height 40 :outcome :recovered :recovery-ms 3000.0
             :first-commit {:node "n0" :height 41}}]
           (:heals result)))
    (is (= 3000.0 (:median-recovery-ms result)))))

(deftest no-progress-for-45s-after-the-heal-is-invalid
  (let [result (liveness/check (liveness-run [(fault 0 10 20)] 80 (committing-except [10 65])))]
    (is (false? (:valid? result)))
    (is (= :late (get-in result [:heals 0 :outcome])))
    (is (= 45000.0 (get-in result [:heals 0 :recovery-ms])))
    (testing "the bound is configurable"
      (is (true? (:valid? (liveness/check (liveness-run [(fault 0 10 20)] 80 (committing-except [10 65]))
                                          {:bound-s 60})))))))

(deftest never-recovering-while-still-sampled-is-invalid
  (let [result (liveness/check (liveness-run [(fault 0 10 20)] 60 (committing-except [10 nil])))]
    (is (false? (:valid? result)))
    (is (= :stalled (get-in result [:heals 0 :outcome])))
    (is (nil? (get-in result [:heals 0 :recovery-ms])))
    (is (nil? (:median-recovery-ms result)))))

(deftest samples-ending-before-the-bound-are-unknown
  (let [result (liveness/check (liveness-run [(fault 0 10 20)] 35 (committing-except [10 nil])))]
    (is (= :unknown (:valid? result)))
    (is (= :unobserved (get-in result [:heals 0 :outcome])))))

(deftest overlapping-faults-heal-when-the-last-one-ends
  (testing "fault 0 ends at 20 while fault 1 runs to 30; a 5 s bound is judged from 30"
    (let [result (liveness/check (liveness-run [(fault 0 10 20) (fault 1 15 30)] 60 (committing-except [10 32]))
                                 {:bound-s 5})]
      (is (true? (:valid? result)))
      (is (= 1 (count (:heals result))))
      (is (= [0 1] (get-in result [:heals 0 :faults])))
      (is (= 2000.0 (get-in result [:heals 0 :recovery-ms])))
      (testing "and each fault is annotated with its window's verdict"
        (is (= [{:fault-index 0 :heal-time (s->ns 30) :outcome :recovered :recovery-ms 2000.0}
                {:fault-index 1 :heal-time (s->ns 30) :outcome :recovered :recovery-ms 2000.0}]
               (:recoveries result)))))))

(deftest a-window-cut-short-by-the-next-fault-is-unknown
  (let [result (liveness/check (liveness-run [(fault 0 10 20) (fault 1 30 70)] 90 (committing-except [10 72])))]
    (is (= :unknown (:valid? result)))
    (is (= [:interrupted :recovered] (map :outcome (:heals result))))
    (is (= [nil true] (map :final? (:heals result))))))

(deftest the-median-spans-all-heals
  (let [result (liveness/check (liveness-run [(fault 0 10 20) (fault 1 40 50)] 80
                                             (committing-except [10 22] [40 54])))]
    (is (true? (:valid? result)))
    (is (= [2000.0 4000.0] (map :recovery-ms (:heals result))))
    (is (= 3000.0 (:median-recovery-ms result)))
    (is (= 4000.0 (:max-recovery-ms result)))))

(deftest a-fault-that-never-healed-is-unknown
  (let [result (liveness/check (liveness-run [(fault 0 10 20) (fault 1 40 nil)] 80 (committing-except [10 22] [40 nil])))]
    (is (= :unknown (:valid? result)))
    (is (= [1] (:unhealed-faults result)))
    (is (= [:recovered] (map :outcome (:heals result))))))

(deftest without-data-the-verdict-is-unknown
  (testing "no fault injected: skipped"
    (is (:skipped? (liveness/check (liveness-run [] 60 (committing-except))))))
  (testing "no samples"
    (let [result (liveness/check (run-of {:faults [(fault 0 10 20)] :heights []}))]
      (is (= :unknown (:valid? result)))
      (is (not (:skipped? result))))))

(deftest median-of-even-and-odd-counts
  (is (= 2.0 (liveness/median [3 1 2])))
  (is (= 2.5 (liveness/median [4 1 2 3])))
  (is (nil? (liveness/median []))))
