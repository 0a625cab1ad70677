(ns keel.chaos.checker.checkpoints
  "The L1 anchor must describe the L2 that actually exists. A checkpoint that disagrees
  with the finalized chain lets a bridge or light client accept a history no honest node
  holds, and a gap in numbers or heights leaves blocks no checkpoint vouches for."
  (:require [keel.chaos.checker.run :as run])
  (:import (dev.keel.checkpoint MerkleRoot)
           (dev.keel.consensus.types Hash)))

(defn merkle-root
  "The root the checkpointer anchors over block hashes (hex, height order), as hex,
  computed by the node's own MerkleRoot so the check cannot drift from the real code."
  [block-hashes]
  (.toHex (MerkleRoot/of ^java.util.List (mapv #(Hash/fromHex (run/norm-hex %)) block-hashes))))

(defn- sequence-problems
  "Numbering and coverage: numbers 1, 2, 3… and ranges that tile the chain from height 1
  (checkpoint k covers ((k-1)·N, k·N]), each non-empty."
  [l1]
  (concat
    (keep-indexed (fn [i cp]
                    (when (not= (inc i) (:number cp))
                      {:number (:number cp) :kind :number-gap :expected-number (inc i)}))
                  l1)
    (keep (fn [[prev cp]]
            (let [expected (if prev (inc (:last-height prev)) 1)]
              (when (not= expected (:first-height cp))
                {:number (:number cp) :kind :range-gap :expected-first-height expected
                 :first-height (:first-height cp)})))
          (map vector (cons nil l1) l1))
    (keep (fn [cp]
            (when (> (:first-height cp) (:last-height cp))
              {:number (:number cp) :kind :empty-range :first-height (:first-height cp)
               :last-height (:last-height cp)}))
          l1)))

(defn- mismatch
  [cp kind expected found]
  (when (not= (run/norm-hex expected) (run/norm-hex found))
    {:number (:number cp) :kind kind :last-height (:last-height cp) :l2 expected :l1 found}))

(defn- content-problems
  "What one checkpoint says about the L2 versus what the L2 holds."
  [cp blocks l2-tip]
  (if (> (:last-height cp) l2-tip)
    [{:number (:number cp) :kind :beyond-l2 :last-height (:last-height cp) :l2-tip l2-tip}]
    (let [last-block (blocks (:last-height cp))
          hashes (keep #(:hash (blocks %)) (range (:first-height cp) (inc (:last-height cp))))
          root (try (merkle-root hashes)
                    (catch RuntimeException e (str "unparseable: " (.getMessage e))))]
      (keep identity
            [(mismatch cp :last-block-hash (:hash last-block) (:last-block-hash cp))
             (mismatch cp :state-root (:state-root last-block) (:state-root cp))
             (mismatch cp :merkle-root root (:merkle-root cp))]))))

(defn- judge
  [l1 l2-node l2]
  (let [blocks (run/by-height l2)
        l2-tip (run/tip l2)
        problems (vec (concat (sequence-problems l1)
                              (mapcat #(content-problems % blocks l2-tip)
                                      (filter #(<= (:first-height %) (:last-height %)) l1))))]
    {:valid? (run/verdict (count problems))
     :checkpoint-count (count l1)
     :covered-heights (when (seq l1) [(:first-height (first l1)) (:last-height (peek l1))])
     :l2 {:node l2-node :tip l2-tip}
     :violation-count (count problems)
     :violations (run/first-few problems)}))

(defn check
  "Valid when the L1 checkpoints are numbered 1, 2, 3…, cover heights 1..k contiguously,
  and each one's last-block hash, state root and Merkle root over its range match the
  longest L2 chain; a checkpoint past the L2 tip is invalid (the L1 vouches for blocks
  the L2 does not hold). Skipped when the checkpoint workload did not run; :unknown when
  there is no L1 checkpoint or no L2 chain to compare."
  [run]
  (let [l1 (vec (sort-by :number (get-in run [:checkpoints :l1])))
        [l2-node l2] (run/longest-chain run)]
    (cond
      (nil? (:checkpoints run)) (run/not-run "no :checkpoints in the run")
      (empty? l1) (run/undecided "no checkpoint reached the L1")
      (nil? l2) (run/undecided "no node returned a chain")
      :else (judge l1 l2-node l2))))
