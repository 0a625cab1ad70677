(ns keel.chaos.run
  "One chaos run, start to verdict: build the images, start the cluster, run the workloads and
  the scenario's fault windows on its timeline, heal, do the final reads, tear down (keeping
  every log), check, and write the run directory."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [keel.chaos.checker :as checker]
            [keel.chaos.cluster :as cluster]
            [keel.chaos.docker :as docker]
            [keel.chaos.nemesis :as nemesis]
            [keel.chaos.reads :as reads]
            [keel.chaos.report :as report]
            [keel.chaos.workload :as workload])
  (:import (dev.keel.simulator.scenario FaultWindow Scenario)
           (java.time LocalDateTime)
           (java.time.format DateTimeFormatter)))

(defn- log [& xs] (binding [*out* *err*] (apply println xs) (flush)))

(defn- secs [ns] (format "%4.0fs" (/ ns 1e9)))

(defn- sleep-until! [rec seconds]
  (let [ms (quot (- (long (* seconds 1e9)) (workload/now rec)) 1000000)]
    (when (pos? ms) (Thread/sleep ms))))

(defn- progress!
  "A status line every 10 s: where the schedule is, every validator's height, the clients' tally."
  [rec cluster current]
  (let [stop (atom false)
        f (future
            (while (not @stop)
              (Thread/sleep 10000)
              (when-not @stop
                (let [hs (->> @(:heights rec) (reduce (fn [m {:keys [node height]}] (assoc m node height)) (sorted-map)))
                      tally (frequencies (map :type (remove #(= :invoke (:type %)) @(:ops rec))))]
                  (log (str "[" (secs (workload/now rec)) "] " @current
                            " | heights " (str/join " " (vals hs))
                            " | ok " (get tally :ok 0) " fail " (get tally :fail 0) " info " (get tally :info 0)))))))]
    (fn [] (reset! stop true) (future-cancel f))))

(defn- run-dir [out ^Scenario s]
  (let [stamp (.format (LocalDateTime/now) (DateTimeFormatter/ofPattern "yyyyMMdd-HHmmss"))]
    (io/file out (str (.name s) "-" stamp))))

(defn- first-commits!
  "The cluster is up when every validator answers /health and the chain has moved."
  [cluster]
  (cluster/await-healthy! (:nodes cluster) 120000)
  (let [deadline (+ (System/currentTimeMillis) 60000)]
    (loop []
      (when (and (< (or (some-> (first (:nodes cluster)) cluster/height) 0) 3)
                 (< (System/currentTimeMillis) deadline))
        (Thread/sleep 500)
        (recur)))))

(defn- run-faults!
  "Applies each window at its start and heals it at its end; returns the faults as run."
  [rec cluster ^Scenario scenario current logs-dir]
  (let [windows (vec (.windows scenario))]
    (vec
      (for [^FaultWindow w windows]
        (do
          (sleep-until! rec (.start w))
          (let [kw (keyword (.flag (.nemesis w)))
                start (workload/now rec)
                {:keys [detail undo twin]} (try (nemesis/start! cluster scenario w logs-dir)
                                                (catch Throwable e
                                                  {:detail (str "FAILED to inject: " e) :undo (fn [])}))]
            (reset! current (str "fault " (inc (.index w)) "/" (count windows) " " (name kw) ": " detail))
            (log (str "[" (secs start) "] " @current))
            (sleep-until! rec (.end w))
            (let [end (workload/now rec)]
              (try (undo) (catch Exception e (log "heal failed:" (.getMessage e))))
              (reset! current (str "healed " (name kw)))
              (log (str "[" (secs end) "] healed " (name kw)))
              (cond-> {:index (.index w) :nemesis kw :start start :end end :detail detail}
                twin (assoc :twin twin)))))))))

(defn- final-reads! [rec cluster workloads]
  (let [top (apply max 1 (keep cluster/height (:nodes cluster)))
        behind (reads/await-height! cluster top 60000)
        _ (when (seq behind) (log "final reads: still behind height" top ":" behind))
        chains (into {} (pmap (fn [n] [(:name n) (reads/read-chain n top)]) (:nodes cluster)))
        in-chain (set (mapcat :txs (apply max-key count (vals chains))))
        acked (distinct (keep #(when (= :ok (:type %)) (get-in % [:value :tx])) @(:ops rec)))
        accounts (mapv cluster/account-hex cluster/bank-accounts)]
    (cond-> {:chains chains
             :tx-status (reads/tx-status cluster (remove in-chain acked))
             :evidence (into {} (for [n (:nodes cluster)] [(:name n) (reads/evidence n)]))}
      (some #{"bank"} workloads)
      (assoc :bank {:initial (zipmap accounts (repeat cluster/bank-balance))
                    :final (reads/settled-balances cluster accounts)}))))

(defn- with-machine-lock
  "One chaos run per machine at a time: a run starts by removing every container an earlier
  run left behind, which would kill a concurrent run's cluster. Waits for the other to end."
  [f]
  (with-open [ch (java.nio.channels.FileChannel/open
                   (.toPath (io/file (System/getProperty "java.io.tmpdir") "keel-chaos.lock"))
                   (into-array java.nio.file.OpenOption [java.nio.file.StandardOpenOption/CREATE
                                                         java.nio.file.StandardOpenOption/WRITE]))]
    (let [lock (or (.tryLock ch)
                   (do (log "chaos: another chaos run holds" (str (System/getProperty "java.io.tmpdir") "/keel-chaos.lock") "- waiting")
                       (.lock ch)))]
      (try (f) (finally (.release lock))))))

(declare execute-locked!)

(defn execute!
  "Runs `scenario`; returns {:dir run-dir :results checker-results :summary text}."
  [^Scenario scenario opts]
  (with-machine-lock #(execute-locked! scenario opts)))

(defn- execute-locked!
  [^Scenario scenario {:keys [out]}]
  (when (some #{"checkpoint"} (.workloads scenario))
    ;; Refused rather than skipped: a run that silently left a workload out would read as a pass.
    (throw (ex-info (str "scenario " (.name scenario) " asks for the checkpoint workload, which the container harness "
                         "does not run yet (it needs an L1 container); remove :checkpoint from :workloads") {})))
  (let [dir (run-dir (or out "chaos-runs") scenario)
        logs-dir (io/file dir "logs")
        workloads (vec (.workloads scenario))
        _ (log "chaos: run directory" (str dir))
        _ (docker/ensure-engine!)
        image (docker/build-images!)
        _ (log "chaos: starting" (.validators scenario) "validators from" image)
        cluster (cluster/create! {:n (.validators scenario) :dir dir :image image})
        rec (workload/recorder)
        current (atom "starting")
        outcome (try
                  (first-commits! cluster)
                  (log "chaos: cluster up; scenario" (.name scenario) "for" (format "%.0f s," (.totalSeconds scenario))
                       (count (.windows scenario)) "fault windows")
                  (let [rec (assoc rec :t0 (System/nanoTime))
                        stop-heights (workload/sample-heights! rec cluster)
                        stop-load (workload/start! rec cluster workloads (.rate scenario))
                        stop-progress (progress! rec cluster current)
                        faults (run-faults! rec cluster scenario current logs-dir)]
                    (reset! current "final quiet period")
                    (sleep-until! rec (.totalSeconds scenario))
                    (stop-load)
                    (log (str "[" (secs (workload/now rec)) "] workload stopped; final reads"))
                    (let [reads (final-reads! rec cluster workloads)]
                      (stop-progress)
                      (stop-heights)
                      (merge reads
                             {:name (.name scenario)
                              :nodes (mapv :name (:nodes cluster))
                              :twins (set (keep :twin faults))
                              :history @(:ops rec)
                              :heights @(:heights rec)
                              :faults faults
                              :workloads workloads
                              :time-limit-s (.totalSeconds scenario)})))
                  (finally
                    (cluster/destroy! cluster logs-dir)))
        results (checker/check-all outcome)
        summary (report/write-run! dir outcome results {})]
    {:dir dir :results results :summary summary}))
