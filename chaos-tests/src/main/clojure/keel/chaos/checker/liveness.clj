(ns keel.chaos.checker.liveness
  "Recovery after faults. BFT consensus promises progress only after the network turns
  synchronous again (GST); a heal is our GST. A cluster that stays stuck long after a heal
  has a pacemaker, sync or view-change bug that safety checks alone would never show."
  (:require [keel.chaos.checker.run :as run]))

(def default-opts
  "`:bound-s`: how long after a heal the first new commit may take. 30 s leaves room for
  exponential round timeouts to come back down and for a lagging node to sync."
  {:bound-s 30})

(def ^:private ns-per-ms 1000000)
(def ^:private ns-per-s 1000000000)

(defn heals
  "Fault windows merged where they overlap, each {:time end :faults [indices] :nemeses
  [...]}, by time. Healing one fault while another is still active restores nothing, so
  progress is only demanded once every overlapping fault has ended. A window containing a
  fault without :end never healed and has :time nil."
  [faults]
  (let [windows (reduce (fn [acc {:keys [index nemesis start end]}]
                          (let [last-w (peek acc)]
                            ;; A window that never healed swallows every later fault.
                            (if (and last-w (or (nil? (:time last-w)) (<= start (:time last-w))))
                              (conj (pop acc) (-> last-w
                                                  (update :faults conj index)
                                                  (update :nemeses conj nemesis)
                                                  (assoc :time (when (and end (:time last-w))
                                                                 (max end (:time last-w))))))
                              (conj acc {:start start :time end :faults [index] :nemeses [nemesis]}))))
                        []
                        (sort-by :start faults))]
    (cond-> windows
      (seq windows) (update (dec (count windows)) assoc :final? true))))

(defn- outcome
  "Classifies one heal. Recovery within the bound is fine; a later or absent recovery is
  a liveness failure only if we could watch the whole bound: if the next fault started
  inside it, or the samples stopped before it elapsed, we cannot tell."
  [{:keys [time start-of-next]} first-progress last-sample bound-ns]
  (let [deadline (+ time bound-ns)
        recovery (when first-progress (- (:time first-progress) time))]
    (cond
      (and recovery (<= recovery bound-ns)) :recovered
      (and start-of-next (<= start-of-next deadline)) :interrupted
      recovery :late
      (>= last-sample deadline) :stalled
      :else :unobserved)))

(defn- judge-heal
  "Baseline = the highest height any node reached at or before the heal; recovery = the
  first sample after the heal where some node exceeds it."
  [heal samples last-sample bound-ns]
  (let [t (:time heal)
        baseline (reduce max 0 (map :height (take-while #(<= (:time %) t) samples)))
        progress (first (filter #(and (> (:time %) t) (> (:height %) baseline)) samples))
        result (outcome heal progress last-sample bound-ns)]
    (cond-> (assoc (select-keys heal [:time :faults :nemeses :final?])
                   :baseline-height baseline :outcome result)
      progress (assoc :recovery-ms (double (/ (- (:time progress) t) ns-per-ms))
                      :first-commit {:node (:node progress) :height (:height progress)}))))

(defn median
  "The median of `xs` (mean of the middle two for an even count); nil for none."
  [xs]
  (let [v (vec (sort xs)) n (count v)]
    (cond
      (zero? n) nil
      (odd? n) (double (v (quot n 2)))
      :else (/ (+ (v (dec (quot n 2))) (v (quot n 2))) 2.0))))

(def ^:private failed-outcomes #{:late :stalled})
(def ^:private undecided-outcomes #{:interrupted :unobserved})

(defn- judge
  [faults samples bound-s]
  (let [merged (heals faults)
        windows (map (fn [w next-w] (assoc w :start-of-next (:start next-w)))
                     merged (concat (rest merged) [nil]))
        [healed unhealed] ((juxt filter remove) :time windows)
        last-sample (:time (peek samples))
        judged (mapv #(judge-heal % samples last-sample (* bound-s ns-per-s)) healed)
        outcomes (map :outcome judged)]
    {:valid? (cond
               (some failed-outcomes outcomes) false
               (or (some undecided-outcomes outcomes) (seq unhealed)) :unknown
               :else true)
     :bound-s bound-s
     :heals judged
     ;; The same verdicts per fault, for readers that annotate each fault line.
     :recoveries (vec (for [heal judged, i (:faults heal)]
                        (cond-> {:fault-index i :heal-time (:time heal) :outcome (:outcome heal)}
                          (:recovery-ms heal) (assoc :recovery-ms (:recovery-ms heal)))))
     :failed-heal-count (count (filter failed-outcomes outcomes))
     :undecided-heal-count (count (filter undecided-outcomes outcomes))
     :unhealed-faults (vec (mapcat :faults unhealed))
     :median-recovery-ms (median (keep :recovery-ms judged))
     :max-recovery-ms (some->> (seq (keep :recovery-ms judged)) (reduce max))}))

(defn check
  "Valid when, after every heal, some node commits a new height within `:bound-s`
  (default 30 s). Invalid when a recovery came later or never came although samples ran
  past the bound; :unknown when some heal's window was cut short (next fault, end of
  samples) or a fault never healed. Skipped when no fault was injected; :unknown without
  height samples. Reports per heal (:heals) and per fault (:recoveries) the outcome and
  recovery time in ms, and the median and maximum over heals."
  ([run] (check run {}))
  ([run opts]
   (let [{:keys [bound-s]} (merge default-opts opts)
         samples (->> (:heights run) (filter (comp number? :height)) (sort-by :time) vec)]
     (cond
       (empty? (:faults run)) (run/not-run "no :faults were injected")
       (empty? samples) (run/undecided "no height samples")
       :else (judge (:faults run) samples bound-s)))))
