(ns keel.chaos.plot-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.plot :as plot])
  (:import (java.awt.image BufferedImage)
           (java.io File)
           (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)
           (java.util Random)
           (javax.imageio ImageIO)))

(def ^:private s->ns (comp long #(* % 1e9)))

(defn- in-window? [faults t-s nemesis]
  (some #(and (= nemesis (:nemesis %)) (<= (:start %) (s->ns t-s) (:end %))) faults))

(defn- process-ops
  "One client process: invoke, wait for the outcome, think, repeat. Latency rises and
  timeouts (:info) appear while the partition is on, as they would against a stalled cluster."
  [^Random rnd faults process seconds rate]
  (loop [t (* 0.2 (.nextDouble rnd)) ops []]
    (if (>= t seconds)
      ops
      (let [partitioned? (in-window? faults t :partition-halves)
            f (if (< (.nextDouble rnd) 0.6) :submit :transfer)
            lat-ms (if partitioned?
                     (+ 200 (* 1800 (.nextDouble rnd)))
                     (* 8 (Math/exp (* 1.2 (.nextGaussian rnd)))))
            type (cond (and partitioned? (> lat-ms 1500)) :info
                       (< (.nextDouble rnd) 0.05) :fail
                       :else :ok)
            lat-ms (if (= type :info) 2000.0 lat-ms)
            end (+ t (/ lat-ms 1000))
            node (str "n" (.nextInt rnd 3))
            base {:process process :f f :node node :value {:tx (format "%08x" (.nextInt rnd))}}]
        (recur (+ end (/ (* 2 (.nextDouble rnd)) rate))
               (conj ops (assoc base :type :invoke :time (s->ns t))
                     (assoc base :type type :time (s->ns end) :latency-ns (s->ns (/ lat-ms 1000)))))))))

(defn- heights
  "Samples every 250 ms for n0..n2 at ~4 blocks/s: everyone stalls in the partition;
  n2 is silent while killed, then restarts at its old height and catches up."
  [faults seconds]
  (let [step (fn [{:keys [h h2]} t-s]
               (let [stalled? (in-window? faults t-s :partition-halves)
                     h' (if stalled? h (inc h))]
                 {:t t-s :h h' :h2 (if (in-window? faults t-s :kill) h2 (min h' (+ h2 5)))}))]
    (for [{:keys [t h h2]} (reductions step {:t 0 :h 0 :h2 0} (range 0.25 seconds 0.25))
          node ["n0" "n1" "n2"]
          :when (not (and (= node "n2") (in-window? faults t :kill)))]
      {:time (s->ns t) :node node :height (if (= node "n2") h2 h)})))

(defn synthetic-run
  "A deterministic fake run for report tests: `seconds` long, `processes` clients at
  about `rate` ops/s each, a partition from 25% to 45% of the run and a kill of n2
  from 65% to 75%."
  ([] (synthetic-run {}))
  ([{:keys [seconds processes rate seed] :or {seconds 40 processes 3 rate 1.0 seed 7}}]
   (let [rnd (Random. seed)
         faults [{:index 0 :nemesis :partition-halves :start (s->ns (* 0.25 seconds))
                  :end (s->ns (* 0.45 seconds)) :detail "partition-halves [0 3] | [1 2 4]"}
                 {:index 1 :nemesis :kill :start (s->ns (* 0.65 seconds))
                  :end (s->ns (* 0.75 seconds)) :detail "kill n2"}]
         ops (->> (range processes)
                  (mapcat #(process-ops rnd faults % seconds rate))
                  (sort-by :time)
                  (map-indexed #(assoc %2 :index %1))
                  vec)]
     {:name "synthetic" :nodes ["n0" "n1" "n2"] :time-limit-s seconds
      :history ops :heights (vec (heights faults seconds)) :faults faults})))

;; ---------------------------------------------------------------- tests

(defn- size [^BufferedImage img] [(.getWidth img) (.getHeight img)])

(deftest images-have-the-agreed-size
  (let [run (synthetic-run)]
    (doseq [draw [plot/latency-image plot/throughput-image plot/heights-image]]
      (is (= [plot/width plot/height] (size (draw run)))))))

(deftest empty-run-still-draws
  (testing "a run that produced nothing must still give a report, not an exception"
    (let [run {:name "empty" :nodes [] :history [] :heights [] :faults []}]
      (doseq [draw [plot/latency-image plot/throughput-image plot/heights-image]]
        (is (= [plot/width plot/height] (size (draw run))))))))

(deftest unhealed-fault-and-missing-end-are-drawn
  (let [run (assoc (synthetic-run) :faults [{:index 0 :nemesis :kill :start (s->ns 30)}])]
    (is (= [plot/width plot/height] (size (plot/heights-image run))))))

(defn- rgb-at [^BufferedImage img x y] (bit-and 0xffffff (.getRGB img (int x) (int y))))

(defn- differing-rows
  "Fraction of the plot's rows where column x-in differs from column x-out."
  [^BufferedImage img x-in x-out]
  (let [[_ top _ bottom] plot/plot-rect
        ys (range (+ top 40) (- bottom 2))]
    (/ (count (filter #(not= (rgb-at img x-in %) (rgb-at img x-out %)) ys)) (double (count ys)))))

(deftest fault-window-is-shaded
  (testing "pixels inside a fault band differ from pixels outside it at the same height"
    ;; No data at all, so only the band can tell the two columns apart; gridlines and
    ;; tick marks cross both columns alike.
    (let [run {:name "bands" :time-limit-s 40 :history [] :heights []
               :faults [{:index 0 :nemesis :partition-halves :start (s->ns 10) :end (s->ns 18)}]}
          x-in (Math/round (plot/x->px run 13.3))
          x-out (Math/round (plot/x->px run 27.3))]
      (doseq [draw [plot/latency-image plot/throughput-image plot/heights-image]
              :let [img (draw run)]]
        (let [[_ top _ bottom] plot/plot-rect
              blank-y (first (filter #(= 0xffffff (rgb-at img x-out %)) (range (+ top 50) bottom)))]
          (is (> (differing-rows img x-in x-out) 0.9))
          (is (some? blank-y) "outside the band there is blank background")
          (is (not= 0xffffff (rgb-at img x-in blank-y)) "inside the band is tinted"))))))

(deftest shading-survives-real-data
  (let [run (synthetic-run)
        img (plot/latency-image run)
        x-in (Math/round (plot/x->px run 13.3))
        x-out (Math/round (plot/x->px run 6.3))]
    (is (> (differing-rows img x-in x-out) 0.5))))

(deftest png-files-decode
  (let [dir (.toFile (Files/createTempDirectory "plot-test" (make-array FileAttribute 0)))
        run (synthetic-run)]
    (try
      (doseq [[write fname] [[plot/latency-png "l.png"] [plot/throughput-png "t.png"]
                             [plot/heights-png "h.png"]]]
        (let [f (write run (File. dir ^String fname))]
          (is (= [plot/width plot/height] (size (ImageIO/read ^File f))))
          (.delete ^File f)))
      (finally (.delete dir)))))

(deftest blocks-per-second-follows-the-fastest-node
  (let [blocks #'plot/blocks-per-second
        hs [{:time (s->ns 0.1) :node "a" :height 10} {:time (s->ns 0.1) :node "b" :height 9}
            {:time (s->ns 1.2) :node "a" :height 14} {:time (s->ns 1.3) :node "b" :height 15}
            {:time (s->ns 2.5) :node "b" :height 12}          ; a lagging report never counts back
            {:time (s->ns 4.0) :node "a" :height 18}]]
    (is (= [0 5 0 0 3] (blocks 5 hs)))))
