(ns keel.chaos.cluster
  "A cluster of validator containers on one bridge network with fixed addresses: validator i at
  .10+i, a twin of validator k at .100+k. Every validator's directory (config, genesis, keys,
  data) is made on the host by HostLayout and bind-mounted at /keel, so data survives a kill and
  a restart, and the harness reaches every node's API at its own address (no port mapping that
  a restart could change)."
  (:require [clojure.java.io :as io]
            [keel.chaos.docker :as docker]
            [keel.chaos.http :as http])
  (:import (dev.keel.app.bank BankDemoAccounts)
           (dev.keel.node.genesis GenesisApp)
           (dev.keel.node.testnet HostLayout)))

(def p2p-port 7000)
(def http-port 8080)
(def checkpoint-interval 20)

(def bank-accounts
  "The bank workload's accounts: demo accounts 0..7 with 100 each, small enough that transfers
  regularly overdraw — an executor that let one through would show a negative balance."
  (range 8))
(def bank-balance 100)
(def unique-accounts
  "Payers of the unique-transaction workload, one per worker: demo accounts 1000.., rich."
  (range 1000 1004))
(def unique-balance 1000000000000)

(defn account-hex [i] (.toHex (.bytes (.publicKey (BankDemoAccounts/keyPair (int i))))))

(defn genesis-app []
  (GenesisApp. "bank" {"demo_accounts" (count bank-accounts)
                       "demo_balance" bank-balance
                       "accounts" (into {} (map (fn [i] [(account-hex i) unique-balance])) unique-accounts)}))

(defn- subnet-base [] (str "10.231." (+ 1 (rand-int 250))))

(defn- open-up!
  "The node runs as an unprivileged user in its container: let it write the mounted directory."
  [dir]
  (try (docker/sh! "chown" "-R" "10001:10001" (str dir))
       (catch Exception _ (docker/sh! "chmod" "-R" "a+rwX" (str dir)))))

(defn node-url [node path] (str "http://" (:ip node) ":" http-port path))

(defn healthy? [node]
  (= 200 (:status (http/get-json (node-url node "/health") 1000))))

(defn await-healthy!
  [nodes timeout-ms]
  (let [deadline (+ (System/currentTimeMillis) timeout-ms)]
    (loop []
      (let [down (remove healthy? nodes)]
        (cond (empty? down) true
              (> (System/currentTimeMillis) deadline)
              (throw (ex-info (str "validators not healthy after " (quot timeout-ms 1000) " s: " (mapv :name down))
                              {:down (mapv :name down)}))
              :else (do (Thread/sleep 500) (recur)))))))

(defn- java-opts [n]
  ;; Five or more JVMs share two cores: small heaps, C1 only (C2 compiles cost more than they save here).
  (str "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx" (if (> n 5) "160m" "200m")))

(defn- start-container! [{:keys [image net n]} name ip dir]
  (doto (docker/container {:image image :net net :ip ip :dir dir :container-name (str "keel-chaos-" name)
                           :env {"KEEL_JAVA_OPTS" (java-opts n)}})
    (.start)))

(defn create!
  "Makes the files for `n` validators under `dir` and starts them; returns the cluster map."
  [{:keys [n dir image]}]
  (docker/remove-leftovers!)
  (let [base (subnet-base)
        net (docker/network (str base ".0/24"))
        ips (mapv #(str base "." (+ 10 %)) (range n))
        layout (HostLayout/create (.toPath (io/file dir "cluster")) ips p2p-port http-port (genesis-app)
                                  checkpoint-interval "")
        ctx {:image image :net net :n n}]
    (open-up! (io/file dir "cluster"))
    (let [nodes (->> (range n)
                     (mapv (fn [i] (future
                                     {:name (str "n" i) :index i :ip (ips i)
                                      :dir (.toFile (.nodeDir layout i))
                                      :container (start-container! ctx (str "n" i) (ips i) (.toFile (.nodeDir layout i)))})))
                     (mapv deref))]
      {:n n :base base :net net :layout layout :nodes nodes :ctx ctx :twins (atom {})})))

(defn start-twin!
  "A second container running validator `k`'s keys with an empty data directory."
  [cluster k]
  (let [dir (.toFile (.twin ^HostLayout (:layout cluster) (int k) ""))
        ip (str (:base cluster) "." (+ 100 k))
        _ (open-up! dir)
        twin {:name (str "twin" k) :index k :ip ip :dir dir
              :container (start-container! (:ctx cluster) (str "twin" k) ip dir)}]
    (swap! (:twins cluster) assoc k twin)
    twin))

(defn stop-twin!
  "Stops and removes the twin; returns its log."
  [cluster k]
  (when-let [twin (get @(:twins cluster) k)]
    (let [log (docker/logs (:container twin))]
      (docker/stop! (:container twin))
      (swap! (:twins cluster) dissoc k)
      log)))

(defn status [node] (let [r (http/get-json (node-url node "/status") 1500)] (when (= 200 (:status r)) (:body r))))

(defn height [node] (:height (status node)))

(defn leader
  "The current round's leader as most reachable validators see it (their /v1/why), or nil."
  [cluster]
  (let [answers (keep (fn [node] (let [r (http/get-json (node-url node "/v1/why") 1500)]
                                   (when (= 200 (:status r)) (get-in r [:body :leader]))))
                      (:nodes cluster))]
    (when (seq answers)
      (key (apply max-key val (frequencies answers))))))

(defn destroy!
  "Collects every container's log into `logs`-dir, then stops everything and removes the network."
  [cluster logs-dir]
  (io/make-parents (io/file logs-dir "x"))
  (doseq [k (keys @(:twins cluster))]
    (spit (io/file logs-dir (str "twin" k ".log")) (stop-twin! cluster k)))
  (doseq [node (:nodes cluster)]
    (spit (io/file logs-dir (str (:name node) ".log")) (docker/logs (:container node)))
    (docker/stop! (:container node)))
  (try (.close (:net cluster)) (catch Exception _ nil)))
