(ns keel.chaos.main
  "`keel chaos`: run a scenario (an EDN file, or one made from flags) on a container cluster and
  print the verdict. Exit 0 valid, 1 invalid, 3 unknown, 2 a usage or harness error."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [keel.chaos.docker :as docker]
            [keel.chaos.report :as report]
            [keel.chaos.run :as run])
  (:import (dev.keel.simulator.scenario Nemesis Scenario)))

(def usage
  "usage: keel chaos [--scenario FILE | --validators N --nemesis LIST --time-limit SECONDS]
                  [--seed S] [--out DIR]
  --scenario FILE   a scenario in EDN (chaos-tests/scenarios/*.edn); runs in `keel simulate --scenario` too
  --validators N    validators (default 5)
  --nemesis LIST    comma-separated: isolate-leader, partition-halves, majorities-ring, minority-third,
                    bridge, one-way, kill, pause, twin; or partitions, all (default all)
  --time-limit S    seconds of the schedule (default 120); faults cycle through the list
  --seed S          picks sides and targets (default 1)
  --out DIR         where run directories go (default chaos-runs)")

(defn parse-args [args]
  (loop [opts {:validators 5 :nemesis "all" :time-limit 120 :seed 1 :out "chaos-runs"} [a b & more :as all] args]
    (cond (empty? all) opts
          (#{"-h" "--help"} a) (assoc opts :help true)
          (nil? b) (throw (ex-info (str "missing value for " a) {}))
          :else (recur (case a
                         "--scenario" (assoc opts :scenario b)
                         "--validators" (assoc opts :validators (parse-long b))
                         "--nemesis" (assoc opts :nemesis b)
                         "--time-limit" (assoc opts :time-limit (parse-double b))
                         "--seed" (assoc opts :seed (parse-long b))
                         "--out" (assoc opts :out b)
                         (throw (ex-info (str "unknown option " a) {})))
                       more))))

(defn scenario [{:keys [scenario validators nemesis time-limit seed]}]
  (when (or (nil? validators) (nil? time-limit) (nil? seed))
    (throw (ex-info "--validators, --time-limit and --seed take numbers" {})))
  (if scenario
    (Scenario/load (.toPath (io/file scenario)))
    (Scenario/fromFlags "chaos" (int validators) (Nemesis/parseList nemesis) (double time-limit) (long seed))))

(defn- java-cmd [args]
  (into [(str (System/getProperty "java.home") "/bin/java") "-cp" (System/getProperty "java.class.path")
         "clojure.main" "-m" "keel.chaos.main"] args))

(defn launch!
  "Runs the harness in a child JVM whose environment carries Testcontainers' settings (they
  are read from the environment only); returns its exit code."
  [args]
  (let [pb (ProcessBuilder. ^java.util.List (java-cmd args))]
    (.putAll (.environment pb) docker/required-env)
    (-> pb (.inheritIO) (.start) (.waitFor))))

(defn exit-code [results]
  (case (:valid? results) true 0 false 1 3))

(defn -main [& args]
  (let [code (try
               (let [opts (parse-args args)]
                 (cond
                   (:help opts) (do (println usage) 0)
                   (not (docker/env-ready?)) (launch! args)
                   :else (let [{:keys [dir results summary]} (run/execute! (scenario opts) opts)]
                           (println summary)
                           (println "verdict:" (report/verdict-line results))
                           (println "run directory:" (str dir))
                           (exit-code results))))
               (catch clojure.lang.ExceptionInfo e
                 (binding [*out* *err*] (println "keel chaos:" (.getMessage e)) (println usage))
                 2)
               (catch IllegalArgumentException e
                 (binding [*out* *err*] (println "keel chaos:" (.getMessage e)))
                 2))]
    (shutdown-agents)
    (System/exit code)))
