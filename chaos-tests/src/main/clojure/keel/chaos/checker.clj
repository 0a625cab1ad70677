(ns keel.chaos.checker
  "Judges a recorded run: every checker is a pure function from the run map to a verdict
  {:valid? true|false|:unknown ...}, so a verdict can be recomputed from a saved run,
  and a checker can be tested with a hand-written bad history."
  (:require [keel.chaos.checker.agreement :as agreement]
            [keel.chaos.checker.bank :as bank]
            [keel.chaos.checker.checkpoints :as checkpoints]
            [keel.chaos.checker.conflicting-votes :as conflicting-votes]
            [keel.chaos.checker.liveness :as liveness]
            [keel.chaos.checker.no-duplicate :as no-duplicate]
            [keel.chaos.checker.no-lost :as no-lost]))

(def checkers
  "Name → (fn [run opts] verdict), in report order. `opts` is check-all's option map; a
  checker reads its own entry (only liveness takes options today)."
  (array-map
    :agreement (fn [run _] (agreement/check run))
    :no-lost (fn [run _] (no-lost/check run))
    :no-duplicate (fn [run _] (no-duplicate/check run))
    :bank (fn [run _] (bank/check run))
    :liveness (fn [run opts] (liveness/check run (:liveness opts {})))
    :conflicting-votes (fn [run _] (conflicting-votes/check run))
    :checkpoints (fn [run _] (checkpoints/check run))))

(defn combine
  "One verdict from many. Any false wins: a single violation fails the run. Otherwise any
  undecided checker makes it :unknown. Skipped checkers (their workload did not run) are
  ignored, or a run that simply had no bank workload could never pass."
  [results]
  (let [counted (remove :skipped? results)]
    (cond
      (some #(false? (:valid? %)) counted) false
      (some #(= :unknown (:valid? %)) counted) :unknown
      :else true)))

(defn- run-checker
  "A checker that throws reports :unknown with the error instead of hiding every other
  verdict: a crashing checker is a harness bug, not evidence about the cluster."
  [check run opts]
  (try
    (check run opts)
    (catch Exception e
      {:valid? :unknown :reason "checker threw" :error (str (class e) ": " (.getMessage e))})))

(defn check-all
  "Runs every checker over `run`: {:valid? combined :checkers {name verdict}}. `opts` may
  hold {:liveness {:bound-s 30}}."
  ([run] (check-all run {}))
  ([run opts]
   (let [results (into (array-map) (map (fn [[name check]] [name (run-checker check run opts)])) checkers)]
     {:valid? (combine (vals results))
      :checkers results})))
