(ns keel.chaos.checker.builders
  "Small builders for hand-written runs, so that each checker test states only the part
  of a history that makes it good or bad."
  (:import (dev.keel.checkpoint MerkleRoot)
           (dev.keel.consensus.types Hash)))

(defn h
  "A real 32-byte hash (hex) of `label`: fake blocks still get hashes MerkleRoot accepts."
  [label]
  (.toHex (Hash/of (.getBytes (pr-str label) "UTF-8"))))

(defn- block-spec
  "A block spec is a vector of txs, or a map {:txs [...] :salt x :state x}. A tx is a hash
  string (executed, result \"ok\") or [hash result], e.g. [\"t1\" \"duplicate\"]."
  [spec]
  (let [{:keys [txs] :as m} (if (map? spec) spec {:txs spec})
        pairs (map #(if (string? %) [% "ok"] %) txs)]
    (assoc m :txs (mapv first pairs) :results (mapv second pairs))))

(defn chain
  "Hash-linked blocks at heights 1..n from block specs (or n empty blocks). A block's hash
  covers its parent, txs, results and :salt, so two chains built from the same specs
  agree, and a :salt at height k forks everything from k up. :state overrides the state
  root without touching the hash."
  [specs]
  (let [specs (if (number? specs) (repeat specs []) specs)]
    (reduce (fn [blocks spec]
              (let [{:keys [txs results salt state]} (block-spec spec)
                    height (inc (count blocks))
                    parent (or (:hash (peek blocks)) (h :genesis))]
                (conj blocks {:height height :parent parent :txs txs :results results
                              :hash (h [:block height parent txs results salt])
                              :state-root (h [:state height txs (or state salt)])})))
            []
            specs)))

(def nodes ["n0" "n1" "n2" "n3" "n4"])

(defn same-chains
  "Every node of `nodes` holding `blocks`."
  [blocks]
  (zipmap nodes (repeat blocks)))

(defn history
  "A client history from [type f value-or-tx & {:keys [node]}] entries: each becomes an
  :invoke and its completion, one process per entry, one second apart."
  [& entries]
  (vec (mapcat (fn [i [type f value & {:keys [node] :or {node "n0"}}]]
                 (let [value (if (string? value) {:tx value} value)
                       op {:process i :f f :node node :value value}]
                   [(assoc op :index (* 2 i) :time (* i 1000000000) :type :invoke)
                    (assoc op :index (inc (* 2 i)) :time (+ (* i 1000000000) 5000000) :type type
                           :latency-ns 5000000)]))
               (range)
               entries)))

(defn run-of
  "A run with the contract's defaults, overridden by `m`."
  [m]
  (merge {:nodes nodes :twins #{} :history [] :chains {} :heights [] :faults []
          :evidence {} :time-limit-s 120}
         m))

(defn s->ns [s] (long (* s 1000000000)))

(defn samples
  "Height samples every 250 ms from 0 to `until-s` for nodes n0..n2, the height at
  second t given by (height-at t)."
  [until-s height-at]
  (vec (for [step (range (inc (* 4 until-s)))
             :let [t (/ step 4.0)]
             node ["n0" "n1" "n2"]]
         {:time (s->ns t) :node node :height (height-at t)})))

(defn fault
  "A fault window from `start-s` to `end-s` (nil: never healed)."
  [index start-s end-s]
  {:index index :nemesis :partition-halves :start (s->ns start-s) :end (some-> end-s s->ns)
   :detail "test"})

(defn checkpoint
  "The correct L1 checkpoint number `n` over heights first..last of `blocks`, its Merkle
  root built with the node's own MerkleRoot."
  [blocks n first-height last-height]
  (let [range-blocks (subvec blocks (dec first-height) last-height)
        last-block (peek range-blocks)]
    {:number n :first-height first-height :last-height last-height
     :last-block-hash (:hash last-block) :state-root (:state-root last-block)
     :merkle-root (.toHex (MerkleRoot/of ^java.util.List (mapv #(Hash/fromHex (:hash %)) range-blocks)))}))
