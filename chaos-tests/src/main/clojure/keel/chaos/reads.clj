(ns keel.chaos.reads
  "The final reads, after everything healed and the clients stopped: each validator's
  finalized chain up to a common height (from its block stream), the bank balances, and the
  evidence of byzantine signing each one saw."
  (:require [clojure.java.io :as io]
            [clojure.string :as str]
            [keel.chaos.cluster :as cluster]
            [keel.chaos.http :as http]))

(defn await-height!
  "Waits (bounded) until every validator's height reaches `h`; returns the laggards' names."
  [cluster h timeout-ms]
  (let [deadline (+ (System/currentTimeMillis) timeout-ms)]
    (loop []
      (let [behind (remove #(when-let [x (cluster/height %)] (>= x h)) (:nodes cluster))]
        (if (or (empty? behind) (> (System/currentTimeMillis) deadline))
          (mapv :name behind)
          (do (Thread/sleep 500) (recur)))))))

(defn- block [b]
  {:height (:height b) :hash (:hash b) :parent (:parent_hash b) :state-root (:state_root b)
   :txs (vec (:tx_hashes b))
   :results (mapv #(if (map? %) (:code %) %) (:results b))})

(defn read-chain
  "Blocks 1..`to` of `node`, from GET /v1/blocks/stream (one request, no gaps by contract).
  Returns fewer if the node does not have them within 60 s."
  [node to]
  (try
    (with-open [in (io/reader (http/get-stream (cluster/node-url node "/v1/blocks/stream?from=1") 60000))]
      (loop [out (transient [])]
        (if (>= (count out) to)
          (persistent! out)
          (if-let [line (.readLine ^java.io.BufferedReader in)]
            (if (str/starts-with? line "data:")
              (recur (conj! out (block (http/parse-json (subs line 5)))))
              (recur out))
            (persistent! out)))))
    (catch Exception _ [])))

(defn balances [node accounts]
  (into {} (for [a accounts
                 :let [r (http/get-json (cluster/node-url node (str "/v1/query/bank/balance/" a)) 3000)]
                 :when (= 200 (:status r))]
             [a (get-in r [:body :balance])])))

(defn settled-balances
  "Every validator's balances of `accounts`; read again (a few times, a second apart) while
  they differ, since a transfer still in some pool can commit between two reads."
  [cluster accounts]
  (loop [tries 0]
    (let [bs (into {} (for [n (:nodes cluster)] [(:name n) (balances n accounts)]))]
      (if (or (apply = (vals bs)) (>= tries 5))
        bs
        (do (Thread/sleep 1000) (recur (inc tries)))))))

(defn evidence [node]
  (let [r (http/get-json (cluster/node-url node "/v1/evidence") 3000)]
    (if (= 200 (:status r))
      (mapv (fn [e] {:validator (:validator e) :round (:round e) :blocks (vec (:blocks e))})
            (get-in r [:body :entries]))
      [])))

(defn tx-status
  "What every validator says about each of `txs` (GET /v1/txs/{hash}): for the acknowledged
  ones missing from the chains, so a checker can tell an explicit drop from a loss."
  [cluster txs]
  (into {} (for [tx (take 1000 txs)]
             [tx (into {} (for [n (:nodes cluster)
                                :let [r (http/get-json (cluster/node-url n (str "/v1/txs/" tx)) 3000)]
                                :when (:status r)]
                            [(:name n) (if (map? (:body r))
                                         (select-keys (:body r) [:status :code])
                                         {:status (str "http " (:status r))})]))])))
