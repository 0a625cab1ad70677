(ns keel.chaos.nemesis
  "Faults on the real cluster, one scenario window at a time. What to break is decided by the
  scenario's Java model (Cut, FaultWindow.resolveTargets with Cut.randomFor) — the same choices
  the deterministic simulator makes for the same window — and carried out here: partitions as
  iptables DROP rules on the receiving side (one-way cuts block one direction only), kill as
  SIGKILL then start, pause as the cgroup freezer (docker pause), twin as a second container
  with a validator's keys and an empty data directory, which half of the other validators
  reach instead of the original (NAT), as in the Twins approach. `start!` returns the detail for the history and an `undo` that heals."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [keel.chaos.cluster :as cluster]
            [keel.chaos.docker :as docker])
  (:import (dev.keel.simulator.scenario Cut FaultWindow Scenario)))

(defn- drop-rules [cut nodes to]
  (for [from nodes
        :when (and (not= (:index from) (:index to)) (.isBlocked ^Cut cut (int (:index from)) (int (:index to))))]
    (str "iptables -A INPUT -s " (:ip from) " -j DROP")))

(defn apply-cut!
  "Installs `cut` on every validator: a message from A to B is dropped at B's INPUT chain."
  [cluster cut]
  (doseq [to (:nodes cluster)
          :let [rules (drop-rules cut (:nodes cluster) to)]
          :when (seq rules)]
    (docker/exec-ok! (:container to) ["sh" "-c" (str/join " && " rules)])))

(defn heal-partitions!
  "Flushes every running validator's INPUT rules (a killed one lost them with its namespace)."
  [cluster]
  (doseq [node (:nodes cluster)]
    (try (docker/exec! (:container node) ["iptables" "-F" "INPUT"])
         (catch Exception _ nil))))

(defn- divert!
  "Makes `peer`'s connections to `original`'s p2p port land on `twin` instead (DNAT on its
  OUTPUT), and resets the connection it already has (a filter rule still matching the
  original's address can only hit a pre-DNAT connection). Both copies still dial everyone,
  so validators that collect votes hear from both — where conflicting votes become visible."
  [peer original twin]
  (let [dst (str "-p tcp -d " (:ip original) " --dport " cluster/p2p-port)]
    (docker/exec-ok! (:container peer)
                     ["sh" "-c" (str "iptables -t nat -A OUTPUT " dst " -j DNAT --to-destination " (:ip twin) ":" cluster/p2p-port
                                     " && iptables -A OUTPUT " dst " -j REJECT --reject-with tcp-reset")])))

(defn- undivert! [peer]
  (try (docker/exec! (:container peer) ["sh" "-c" "iptables -t nat -F OUTPUT; iptables -F OUTPUT"])
       (catch Exception _ nil)))

(defn- names [cluster idxs] (str/join " " (map #(:name (nth (:nodes cluster) %)) idxs)))

(defn start!
  "Breaks what window `w` says. Returns {:detail s :undo (fn [] ...)}; `undo` heals and returns
  once the affected validators answer /health again (bounded)."
  [cluster ^Scenario scenario ^FaultWindow w logs-dir]
  (let [n (:n cluster)
        leader (or (cluster/leader cluster) 0)
        rnd (Cut/randomFor scenario w)
        nemesis (.flag (.nemesis w))
        targets (fn [] (vec (.resolveTargets w (int n) (int leader) rnd)))
        nodes-of (fn [idxs] (mapv #(nth (:nodes cluster) %) idxs))]
    (if (.isPartition (.nemesis w))
      (let [cut (Cut/of (.nemesis w) (int n) (int leader) rnd)]
        (apply-cut! cluster cut)
        {:detail (str (.description cut) " (leader n" leader ")")
         :undo #(heal-partitions! cluster)})
      (case nemesis
        "kill" (let [ts (targets)]
                 (doseq [node (nodes-of ts)] (docker/kill! (:container node)))
                 {:detail (str "kill -9 " (names cluster ts) " (leader n" leader ")")
                  :undo (fn []
                          (doseq [node (nodes-of ts)] (docker/start! (:container node)))
                          (cluster/await-healthy! (nodes-of ts) 90000))})
        "pause" (let [ts (targets)]
                  (doseq [node (nodes-of ts)] (docker/pause! (:container node)))
                  {:detail (str "pause " (names cluster ts) " (leader n" leader ")")
                   :undo #(doseq [node (nodes-of ts)] (docker/unpause! (:container node)))})
        "twin" (let [k (first (targets))
                     twin (cluster/start-twin! cluster k)
                     others (remove #(= k (:index %)) (:nodes cluster))
                     side (take (quot (count others) 2) (sort-by (fn [_] (.nextInt rnd)) others))]
                 (doseq [peer side] (divert! peer (nth (:nodes cluster) k) twin))
                 {:detail (str "twin of n" k " at " (:ip twin) "; " (str/join " " (map :name side))
                               " reach the twin when they dial n" k)
                  :twin k
                  :undo (fn []
                          (let [log (cluster/stop-twin! cluster k)]
                            (doseq [peer side] (undivert! peer))
                            (io/make-parents (io/file logs-dir "x"))
                            (spit (io/file logs-dir (str "twin" k "-window" (.index w) ".log")) log)))})))))
