(ns keel.chaos.checker.conflicting-votes
  "Honest validators never equivocate: SafetyRules forbids two votes in one round. The twin
  nemesis runs a second container with a validator's key, so that key is expected to be
  caught equivocating (and the cluster must survive it); any other key caught
  equivocating means an honest node's safety rules failed, e.g. after a restart lost its
  last-voted round."
  (:require [keel.chaos.checker.run :as run]))

(defn- validator-index
  "Evidence names validators by index; a node name \"n3\" is accepted too, so that an
  evidence reader keyed by node cannot silently turn every report into a violation."
  [v]
  (if (string? v)
    (or (some-> (re-matches #"n(\d+)" v) second parse-long) v)
    v))

(defn- all-evidence
  [run]
  (for [[node entries] (sort-by key (:evidence run))
        e entries]
    (assoc e :node node :validator (validator-index (:validator e)))))

(defn check
  "Valid when every piece of equivocation evidence, on every node, names a validator in
  `:twins`. Twin evidence is counted (entries, and distinct [validator round] pairs, since
  each node reports what it saw). :unknown when the run carries no :evidence at all — an
  empty map means \"collected, none found\" and is valid."
  [run]
  (if (nil? (:evidence run))
    (run/undecided "no :evidence was collected")
    (let [twins (set (:twins run))
          evidence (all-evidence run)
          {twin true other false} (group-by (comp boolean twins :validator) evidence)]
      {:valid? (run/verdict (count other))
       :twins twins
       :evidence-count (count evidence)
       :twin-evidence-count (count twin)
       :twin-equivocations (count (distinct (map (juxt :validator :round) twin)))
       :accused (into (sorted-set) (map :validator) other)
       :violation-count (count other)
       :violations (run/first-few other)})))
