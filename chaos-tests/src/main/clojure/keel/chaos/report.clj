(ns keel.chaos.report
  "The run directory: what a person opens after a chaos run. write-run! lays out

    history.edn   every op, one EDN map per line (greps well; read-history reads it)
    run.edn       the run map minus :history, pretty-printed
    results.edn   the checkers' results, pretty-printed
    summary.txt   verdicts, op counts, latency percentiles, fault windows
    latency.png, throughput.png, heights.png   (see keel.chaos.plot)
    logs/<node>.log   when opts carries :logs

  Times in the run are ns since run start; the summary shows seconds and ms."
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.pprint :as pprint]
            [clojure.string :as str]
            [keel.chaos.plot :as plot])
  (:import (java.io File Writer)))

(set! *warn-on-reflection* true)

;; ---------------------------------------------------------------- numbers

(defn percentile
  "Nearest-rank percentile: the smallest value with at least p% of `xs` at or below it
  (p in [0, 100]); nil when `xs` is empty. No interpolation, so it is always a value
  that was actually observed."
  [xs p]
  {:pre [(<= 0 p 100)]}
  (when (seq xs)
    (let [v (vec (sort xs))
          rank (long (Math/ceil (* (/ p 100.0) (count v))))]
      (v (dec (max 1 rank))))))

(defn- ns->s ^double [t] (/ (double t) 1e9))
(defn- ns->ms ^double [t] (/ (double t) 1e6))
(defn- fmt-s [t] (format "%.1f s" (ns->s t)))
(defn- fmt-ms [t] (if (nil? t) "-" (format (if (< (ns->ms t) 10) "%.2f" "%.1f") (ns->ms t))))

;; ---------------------------------------------------------------- verdicts

(defn- verdict-of
  "A checker's :valid? as one of true, false, :unknown; anything else is :unknown."
  [result]
  (let [v (:valid? result)] (if (boolean? v) v :unknown)))

(defn- worse [a b]
  (cond (or (false? a) (false? b)) false
        (or (= :unknown a) (= :unknown b)) :unknown
        :else true))

(defn- overall
  "The run's verdict: the worse of the results' own :valid? and every checker that ran.
  A skipped checker does not make the run unknown by itself; the checkers decide that."
  [results]
  (reduce worse
          (if (contains? results :valid?) (verdict-of results) true)
          (map verdict-of (remove :skipped? (vals (:checkers results))))))

(defn verdict-line
  "One line for a whole run: `valid`, `INVALID: agreement, no-lost` or `unknown: liveness`."
  [results]
  (let [names-where (fn [pred] (for [[k r] (:checkers results)
                                     :when (and (not (:skipped? r)) (pred (verdict-of r)))]
                                 (name k)))
        tail (fn [names] (when (seq names) (str ": " (str/join ", " names))))]
    (case (overall results)
      true "valid"
      false (str "INVALID" (tail (names-where false?)))
      :unknown (str "unknown" (tail (names-where #(= :unknown %)))))))

(defn- abbrev [x]
  (let [s (if (string? x) x (pr-str x))]
    (if (> (count s) 12) (str (subs s 0 8) "..") s)))

(defn- example-text
  "One failure example, short: a tx by its abbreviated hash, anything else clipped."
  [x]
  (cond (and (map? x) (:tx x)) (abbrev (:tx x))
        (string? x) (abbrev x)
        :else (let [s (pr-str x)] (if (> (count s) 40) (str (subs s 0 37) "...") s))))

(defn- count-parts
  "Nonzero `:x-count` keys as `x 3`, with the first examples when the checker put them
  under `:x` (the checkers' convention: a full count next to a few examples). Counts
  with examples come first: those are the violations."
  [result]
  (->> (for [[k v] result
             :let [base (subs (str k) 1 (max 1 (- (count (str k)) 6)))]
             :when (and (keyword? k) (str/ends-with? (name k) "-count") (number? v) (pos? v))
             :let [xs (get result (keyword base))]]
         [(not (sequential? xs)) base
          (str base " " v (when (and (sequential? xs) (seq xs))
                            (str ": " (str/join " " (map example-text (take 3 xs))))))])
       sort (map peek)))

(defn- detail-text
  "Free-form checker details in one line: the checker's own words (:summary :message
  :reason :error :detail), then its nonzero counts with examples, then any other
  non-empty list (e.g. :unhealed-faults) and map (e.g. per-node :wrong-totals)."
  [result]
  (let [words (keep #(let [v (get result %)] (when (string? v) v))
                    [:summary :message :reason :error :detail])
        counted (set (for [k (keys result) :when (and (keyword? k) (str/ends-with? (name k) "-count"))]
                       (keyword (subs (str k) 1 (- (count (str k)) 6)))))
        shown (fn [pred render]
                (for [[k v] (sort-by (comp str key) result)
                      :when (and (pred v) (seq v) (not (counted k)))]
                  (str (if (keyword? k) (name k) k) " " (count v) ": "
                       (str/join " " (map render (take 3 v))))))
        entry-text (fn [[k v]] (str (if (keyword? k) (name k) k) "=" (example-text v)))]
    (str/join "; " (concat words (count-parts result)
                           (shown sequential? example-text) (shown map? entry-text)))))

(defn- clip [s n] (if (> (count s) n) (str (subs s 0 (- n 3)) "...") s))

(defn- checker-line [name-width [k result]]
  (let [v (verdict-of result)
        word (cond (:skipped? result) "unknown" (true? v) "valid" (false? v) "INVALID" :else "unknown")
        note (cond (:skipped? result) (str "(not run" (some->> (:detail result) (str ": ")) ")")
                   (true? v) ""
                   :else (detail-text result))]
    (str/trimr (format (str "  %-" name-width "s %-8s %s") (name k) word (clip note 160)))))

;; ---------------------------------------------------------------- ops and faults

(defn- table [header rows]
  (str/join "\n" (map #(apply format (str "  %-14s" (str/join (repeat (dec (count %)) "%9s"))) %)
                      (cons header rows))))

(defn- op-counts [history]
  (let [types [:invoke :ok :fail :info]
        count-row (fn [label ops]
                    (let [freq (frequencies (map :type ops))]
                      (into [label] (map #(str (freq % 0)) types))))
        by-f (sort-by (comp str key) (group-by :f history))]
    (table (into ["f"] (map name types))
           (concat (for [[f ops] by-f] (count-row (if f (name f) "-") ops))
                   [(count-row "all" history)]))))

(defn- latency-table [history]
  (let [by-f (->> history (filter #(and (= :ok (:type %)) (:latency-ns %)))
                  (group-by :f) (sort-by (comp str key)))]
    (if (empty? by-f)
      "  (no ok completions)"
      (table ["f" "n" "p50" "p95" "p99" "max"]
             (for [[f ops] by-f :let [ls (map :latency-ns ops)]]
               (into [(if f (name f) "-") (str (count ls))]
                     (map #(fmt-ms (percentile ls %)) [50 95 99 100])))))))

(defn- recovery-text
  "One liveness :recoveries entry, {:fault-index i :heal-time t :outcome kw
  :recovery-ms ms?}, as words. Overlapping faults share one heal, hence its time."
  [{:keys [heal-time outcome recovery-ms]}]
  (str (if recovery-ms
         (format "recovered %.1f s after heal" (/ (double recovery-ms) 1000))
         "no recovery after heal")
       (when heal-time (str " at " (fmt-s heal-time)))
       (when (and outcome (not= :recovered outcome)) (str " (" (name outcome) ")"))))

(defn- recoveries
  "Fault index → recovery text, from the liveness checker's :recoveries."
  [results]
  (into {} (for [e (get-in results [:checkers :liveness :recoveries]) :when (map? e)]
             [(:fault-index e) (recovery-text e)])))

(defn- fault-lines [run results]
  (let [faults (sort-by :start (:faults run))
        rec (recoveries results)]
    (if (empty? faults)
      "  (none)"
      (str/join "\n"
                (for [{:keys [index nemesis start end detail]} faults]
                  (str/trimr
                   (format "  #%-3s %-20s %8s - %-9s %-9s %s%s" index (name nemesis) (fmt-s start)
                           (if end (fmt-s end) "never")
                           (if end (str "(" (fmt-s (- end start)) ")") "")
                           (or detail "") (some->> (rec index) (str "  -- ")))))))))

(def ^:private described-keys #{:name :nodes :time-limit-s :history :heights :faults})

(defn- other-keys [run]
  (let [ks (sort-by str (remove described-keys (keys run)))]
    (if (empty? ks)
      "  (none)"
      (str/join "\n" (for [k ks :let [v (get run k)]]
                       (format "  %-16s %s" (name k)
                               (if (coll? v) (str (count v) (if (= 1 (count v)) " entry" " entries"))
                                   (clip (pr-str v) 60))))))))

(defn- duration-ns [run]
  (reduce max 0 (concat (map :time (:history run)) (map :time (:heights run))
                        (keep :end (:faults run)))))

(defn summary
  "The human-readable summary.txt text for `run` and its checker `results`.
  `notes` are extra lines (e.g. plots that could not be drawn)."
  ([run results] (summary run results []))
  ([run results notes]
   (let [verdict (verdict-line results)]
     (str/join
      "\n"
      (concat
       [(str "Keel chaos run: " (:name run "unnamed"))
        (str "  nodes      " (str/join " " (:nodes run)))
        (str "  duration   " (fmt-s (duration-ns run))
             (some->> (:time-limit-s run) (format " (time limit %s s)")))
        (str "  verdict    " verdict)
        ""
        "Checkers"]
       (if-let [checkers (seq (:checkers results))]
         (map (partial checker-line (reduce max 16 (map (comp count name key) checkers))) checkers)
         ["  (none)"])
       ["" "Operations" (op-counts (:history run))
        "" "Latency of ok ops (ms)" (latency-table (:history run))
        "" "Faults" (fault-lines run results)
        "" "Other run data" (other-keys run)]
       (when (seq notes) (cons "" (cons "Notes" (map #(str "  " %) notes))))
       ["" (str "Verdict: " verdict) ""])))))

;; ---------------------------------------------------------------- files

(defmacro ^:private with-plain-printing
  "Print everything, in full: no elisions and no #:ns{} map shorthand, so the files
  read back and grep as the data looked."
  [& body]
  `(binding [*print-length* nil *print-level* nil *print-meta* false
             *print-namespace-maps* false]
     ~@body))

(def ^:private op-key-order [:index :time :process :type :f :node :value :latency-ns])

(defn- ordered-op
  "The op with its usual keys first, in a fixed order, so history lines line up."
  [op]
  (let [known (filter #(contains? op %) op-key-order)]
    (apply array-map (concat (mapcat (juxt identity op) known)
                             (apply concat (apply dissoc op known))))))

(defn- write-history! [file history]
  (with-open [^Writer w (io/writer file)]
    (with-plain-printing
      (doseq [op history] (.write w (pr-str (ordered-op op))) (.write w "\n")))))

(defn read-history
  "Reads a history.edn written by write-run! back into a vector of ops."
  [file]
  (with-open [r (io/reader file)]
    (into [] (comp (remove str/blank?) (map edn/read-string)) (line-seq r))))

(defn- write-pretty! [file x]
  (with-open [^Writer w (io/writer file)]
    (with-plain-printing (pprint/pprint x w))))

(defn- log-file-name [node]
  (str (str/replace (str node) #"[^A-Za-z0-9._-]" "_") ".log"))

(defn- write-logs! [^File dir logs]
  (doseq [[node text] logs]
    (let [f (io/file dir "logs" (log-file-name node))]
      (io/make-parents f)
      (spit f (str text)))))

(defn- write-plots!
  "Draws the three PNGs; returns a note per plot that failed. A plotting bug must not
  cost the run's evidence, so failures are reported, not thrown."
  [dir run]
  (doall
   (for [[fname draw] [["latency.png" plot/latency-png] ["throughput.png" plot/throughput-png]
                       ["heights.png" plot/heights-png]]
         :let [err (try (draw run (io/file dir fname)) nil
                        (catch Exception e (str fname " not drawn: " e)))]
         :when err]
     (do (binding [*out* *err*] (println "report:" err)) err))))

(defn write-run!
  "Creates `dir` and writes the run directory described in the ns doc for `run` and
  checker `results`. opts: {:logs {node text}} writes logs/<node>.log. Returns the
  summary text."
  [dir run results opts]
  (let [dir (io/file dir)]
    (.mkdirs dir)
    (when-not (.isDirectory dir)
      (throw (java.io.IOException. (str "cannot create run directory " dir))))
    (write-history! (io/file dir "history.edn") (:history run))
    (write-pretty! (io/file dir "run.edn") (dissoc run :history))
    (write-pretty! (io/file dir "results.edn") results)
    (write-logs! dir (:logs opts))
    (let [text (summary run results (write-plots! dir run))]
      (spit (io/file dir "summary.txt") text)
      text)))
