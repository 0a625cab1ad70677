(ns keel.chaos.workload
  "Clients driving the public HTTP API while faults come and go, recording every operation as
  Jepsen does: an :invoke, then exactly one completion — :ok (the node acknowledged it: 202
  accepted or 200 duplicate), :fail (definitely not taken: a 4xx answer or a refused
  connection) or :info (unknown: a timeout, a broken connection, a 5xx).
  Two workloads on the bank app: `unique` (rich payers send 1 unit each, every transaction
  distinct: checks exactly-once) and `bank` (random transfers among eight accounts of 100
  each, so overdrafts are frequent: checks conservation and no negative balance)."
  (:require [keel.chaos.cluster :as cluster]
            [keel.chaos.http :as http])
  (:import (dev.keel.app.bank BankDemoAccounts Transfer)
           (dev.keel.consensus.crypto Sha256)
           (dev.keel.consensus.types Bytes)))

(defn recorder [] {:t0 (System/nanoTime) :ops (atom []) :heights (atom []) :next-process (atom 0)})

(defn now [rec] (- (System/nanoTime) (:t0 rec)))

(defn record! [rec op]
  (swap! (:ops rec) (fn [ops] (conj ops (assoc op :index (count ops) :time (now rec))))))

(defn- hex [^bytes b] (.toHex (Bytes/wrap b)))

(defn- tx [payer to amount nonce]
  (let [^Bytes b (Transfer/sign (BankDemoAccounts/keyPair (int payer)) (.publicKey (BankDemoAccounts/keyPair (int to)))
                                (long amount) (long nonce) 0)
        bytes (.toArray b)]
    {:bytes bytes :hash (hex (Sha256/digest bytes))}))

(defn classify
  "Maps an HTTP outcome to the completion type (see the namespace doc)."
  [{:keys [status error]}]
  (cond (#{200 202} status) :ok
        (and status (<= 400 status 499)) :fail
        (= error :connect) :fail
        :else :info))

(def sink "The unique workload's payee (a fresh account the first transfer opens)." 2000)

(defn- unique-op [worker seq]
  (let [payer (nth cluster/unique-accounts worker)
        {:keys [bytes hash]} (tx payer sink 1 seq)]
    {:f :submit :bytes bytes :value {:tx hash}}))

(def ^:private nonces (atom 0))

(defn- bank-op [_ _]
  (let [[from to] (take 2 (shuffle cluster/bank-accounts))
        amount (+ 1 (rand-int 20))
        {:keys [bytes hash]} (tx from to amount (swap! nonces inc))]
    {:f :transfer :bytes bytes
     :value {:tx hash :from (cluster/account-hex from) :to (cluster/account-hex to) :amount amount}}))

(defn- worker!
  "One client: invoke, wait for the answer (3 s at most), record, pace to `interval-ms`. A
  client whose request ended :info takes a new process id, as in Jepsen (the old one may
  still be in flight)."
  [rec stop nodes make-op worker interval-ms]
  (future
    (loop [p (swap! (:next-process rec) inc) i 0]
      (when-not @stop
        (let [node (rand-nth nodes)
              {:keys [f bytes value]} (make-op worker i)
              _ (record! rec {:process p :type :invoke :f f :node (:name node) :value value})
              t (System/nanoTime)
              r (http/post-bytes (cluster/node-url node "/v1/txs") bytes 3000)
              lat (- (System/nanoTime) t)
              type (classify r)]
          (record! rec (cond-> {:process p :type type :f f :node (:name node) :value value :latency-ns lat}
                         (:status r) (assoc :status (:status r))
                         (:error r) (assoc :error (:error r))))
          (Thread/sleep (long (max 0 (- interval-ms (quot lat 1000000)))))
          (recur (if (= type :info) (swap! (:next-process rec) inc) p) (inc i)))))))

(defn start!
  "Starts the named workloads at `rate` ops/s each (two clients per workload); returns a
  function that stops them and waits for the clients to finish their last operation."
  [rec cluster workloads rate]
  (let [stop (atom false)
        nodes (:nodes cluster)
        clients 2
        interval (long (/ (* 1000 clients) (max 0.1 rate)))
        ops {"unique" unique-op "bank" bank-op}
        futures (doall (for [wl workloads :let [make-op (ops wl)] :when make-op
                             w (range clients)]
                         (worker! rec stop nodes make-op w interval)))]
    (fn []
      (reset! stop true)
      (doseq [f futures] (deref f 10000 nil)))))

(defn sample-heights!
  "Every validator's committed height every 250 ms (each node on its own thread, so a paused
  one costs only its own samples); returns a stop function."
  [rec cluster]
  (let [stop (atom false)
        fs (doall (for [node (:nodes cluster)]
                    (future
                      (while (not @stop)
                        (when-let [h (cluster/height node)]
                          (swap! (:heights rec) conj {:time (now rec) :node (:name node) :height h}))
                        (Thread/sleep 250)))))]
    (fn [] (reset! stop true) (doseq [f fs] (deref f 5000 nil)))))
