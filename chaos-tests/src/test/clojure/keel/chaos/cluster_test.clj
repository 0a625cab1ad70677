(ns keel.chaos.cluster-test
  "The CI profile (chaos-tests/scenarios/ci.edn) on a real cluster of validator containers:
  five validators, the six partition shapes, kill -9, pause and a byzantine twin, with the
  unique and bank workloads. It runs the same entry point as `keel chaos`, in a child JVM
  (Testcontainers reads its settings from the environment only), then reads the run directory
  back. Needs a Docker engine: deploy/ensure-docker.sh installs and starts one when root."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker :as checker]
            [keel.chaos.docker :as docker]
            [keel.chaos.main :as main]))

(defn- read-lines [f] (with-open [r (io/reader f)] (mapv edn/read-string (remove str/blank? (line-seq r)))))

(defn- newest-run [out]
  (->> (.listFiles (io/file out)) (filter #(.isDirectory %)) (sort-by #(.getName %)) last))

(deftest ci-profile-on-a-container-cluster
  (docker/ensure-engine!)
  (let [root (docker/repo-root)
        out (io/file root "chaos-tests" "target" "chaos-runs")
        code (main/launch! ["--scenario" (str (io/file root "chaos-tests" "scenarios" "ci.edn")) "--out" (str out)])
        dir (newest-run out)]
    (is (some? dir) "the run left a run directory")
    (when dir
      (let [results (edn/read-string (slurp (io/file dir "results.edn")))
            run (assoc (edn/read-string (slurp (io/file dir "run.edn"))) :history (read-lines (io/file dir "history.edn")))
            oks (filter #(= :ok (:type %)) (:history run))]
        (println "chaos CI run:" (str dir))
        (println (slurp (io/file dir "summary.txt")))
        (testing "every checker that ran says valid"
          (is (= 0 code) "keel chaos exits 0 on a valid run")
          (doseq [[k r] (:checkers results) :when (not (:skipped? r))]
            (is (true? (:valid? r)) (str k " is " (:valid? r) ": " (pr-str (dissoc r :heals :recoveries))))))
        (testing "the run really did what the verdict is about"
          (is (= 9 (count (:faults run))) "all nine fault windows ran")
          (is (not-any? #(str/starts-with? (str (:detail %)) "FAILED") (:faults run)) "every fault was injected")
          (is (<= 100 (count (filter #(= :submit (:f %)) oks))) "the unique workload got transactions acknowledged")
          (is (<= 100 (count (filter #(= :transfer (:f %)) oks))) "the bank workload got transfers acknowledged")
          (is (= 5 (count (:chains run))) "every validator's chain was read")
          (is (seq (get-in run [:bank :final])) "balances were read")
          (doseq [f ["latency.png" "throughput.png" "heights.png" "summary.txt" "logs/n0.log" "logs/n4.log"]]
            (is (pos? (.length (io/file dir f))) (str f " written"))))
        (testing "the checkers flag this same history once it is tampered with"
          (let [acked (-> (filter #(= :submit (:f %)) oks) first :value :tx)
                drop-tx (fn [chain] (mapv #(update % :txs (fn [txs] (vec (remove #{acked} txs)))) chain))
                lost (update run :chains #(update-vals % drop-tx))
                forked (update-in run [:chains "n1" 5 :state-root] (constantly (apply str (repeat 64 "0"))))]
            (is (false? (:valid? (checker/check-all lost))) "an acknowledged tx removed from every chain")
            (is (false? (:valid? (checker/check-all forked))) "one node's state root changed at height 6")))))))
