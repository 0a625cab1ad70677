(ns keel.chaos.plot
  "Run plots as PNG files, drawn with Java2D (no plotting library): latency of each
  completion, throughput per second and each node's committed height, all over time,
  with the nemesis fault windows shaded.

  The *-image fns are pure (run map in, BufferedImage out) so tests can draw synthetic
  runs; the *-png fns only add the file write. Times in the run are ns since run start."
  (:require [clojure.java.io :as io])
  (:import (java.awt BasicStroke Color Font Graphics2D RenderingHints Shape)
           (java.awt.geom Ellipse2D$Double Line2D$Double Path2D$Double Rectangle2D$Double)
           (java.awt.image BufferedImage)
           (java.io File)
           (javax.imageio ImageIO)))

(set! *warn-on-reflection* true)

;; CI containers have no display; AWT must be headless before its first class
;; initialises. An explicit -Djava.awt.headless=... from the caller wins.
(when-not (System/getProperty "java.awt.headless")
  (System/setProperty "java.awt.headless" "true"))

(def width 1200)
(def height 500)
(def plot-rect
  "Plot area in pixels, [left top right bottom]; room on the right for a second axis."
  [80 80 1120 435])

;; ---------------------------------------------------------------- data → axes

(defn- ns->s ^double [t] (/ (double t) 1e9))

(defn time-range-s
  "The x range of every plot of `run`, in seconds: from 0 to the latest of the time
  limit, the last op, the last height sample and the last fault end."
  [run]
  (let [ts (concat (map :time (:history run)) (map :time (:heights run))
                   (keep :end (:faults run)) (keep :start (:faults run)))
        hi (max (double (or (:time-limit-s run) 0))
                (if (seq ts) (ns->s (apply max ts)) 0.0))]
    [0.0 (if (pos? hi) hi 1.0)]))

(defn- frame [[x0 x1] [y0 y1] log?]
  {:x0 (double x0) :x1 (double x1) :y0 (double y0) :y1 (double y1) :log? log?})

(defn- sx ^double [f ^double x]
  (let [[l _ r _] plot-rect]
    (+ l (* (- r l) (/ (- x (:x0 f)) (- (:x1 f) (:x0 f)))))))

(defn- sy ^double [f ^double y]
  (let [[_ t _ b] plot-rect
        tr (fn ^double [^double v] (if (:log? f) (Math/log10 v) v))
        y0 (tr (:y0 f))]
    (- b (* (- b t) (/ (- (tr (max y (:y0 f))) y0) (- (tr (:y1 f)) y0))))))

(defn x->px
  "Pixel column of time `t-s` (seconds) in any plot of `run`; lets tests find bands."
  ^double [run t-s]
  (sx (frame (time-range-s run) [0 1] false) (double t-s)))

(defn- nice-step
  "Smallest 1/2/5×10^k step giving at most about `n` ticks over `span`."
  [span n]
  (let [raw (/ (double span) n)
        mag (Math/pow 10 (Math/floor (Math/log10 raw)))]
    (first (filter #(>= % raw) (map #(* mag %) [1 2 5 10])))))

(defn- linear-ticks [lo hi n integer?]
  (let [step (cond-> (nice-step (- hi lo) n) integer? (max 1.0))]
    (take-while #(<= % (+ hi 1e-9))
                (iterate #(+ % step) (* step (Math/ceil (/ lo step)))))))

(defn- log-ticks [lo hi]
  (let [d0 (long (Math/round (Math/log10 lo)))
        d1 (long (Math/round (Math/log10 hi)))
        mults (if (<= (- d1 d0) 3) [1 2 5] [1])]
    (filter #(<= lo % hi) (for [d (range d0 (inc d1)) m mults] (* m (Math/pow 10 d))))))

(defn- log-range [vs]
  (if (empty? vs)
    [1.0 1000.0]
    (let [lo (Math/pow 10 (Math/floor (Math/log10 (apply min vs))))
          hi (Math/pow 10 (Math/ceil (Math/log10 (apply max vs))))]
      [lo (if (> hi lo) hi (* 10 lo))])))

(defn- fmt-num [x]
  (let [x (double x)]
    (cond (and (>= (Math/abs x) 1e4) (zero? (mod x 1000))) (str (long (/ x 1000)) "k")
          (== x (Math/rint x)) (str (long x))
          :else (let [s (format "%.3f" x)] (-> s (.replaceAll "0+$" "") (.replaceAll "\\.$" ""))))))

;; ---------------------------------------------------------------- drawing kit

(defn- rgb
  ([r g b] (Color. (int r) (int g) (int b)))
  ([r g b a] (Color. (int r) (int g) (int b) (int a))))

(defn- with-alpha [^Color c a] (rgb (.getRed c) (.getGreen c) (.getBlue c) a))

(def ^:private series-colors
  "Tableau-10: distinct on white and colour-blind tolerable."
  (mapv #(apply rgb %) [[31 119 180] [255 127 14] [44 160 44] [214 39 40] [148 103 189]
                        [140 86 75] [227 119 194] [127 127 127] [188 189 34] [23 190 207]]))

(def ^:private fault-colors
  "Fault bands avoid the ok/fail/info greens, reds and oranges of the data."
  (mapv #(apply rgb %) [[31 119 180] [148 103 189] [188 189 34] [227 119 194] [140 86 75]
                        [23 190 207] [127 127 127]]))

(def ^:private type-colors
  {:ok (rgb 44 160 44) :fail (rgb 214 39 40) :info (rgb 255 140 0)})

(def ^:private ink (rgb 40 40 40))
(def ^:private grid-color (rgb 225 225 225))
(def ^:private blocks-color (rgb 30 30 30))

(defn- font ^Font [style size] (Font. "SansSerif" (int style) (int size)))
(def ^:private title-font (font Font/BOLD 18))
(def ^:private label-font (font Font/PLAIN 14))
(def ^:private tick-font (font Font/PLAIN 12))
(def ^:private legend-font (font Font/PLAIN 13))
(def ^:private band-font (font Font/BOLD 12))

(defn- canvas []
  (let [img (BufferedImage. width height BufferedImage/TYPE_INT_RGB)
        g (.createGraphics img)]
    (.setRenderingHint g RenderingHints/KEY_ANTIALIASING RenderingHints/VALUE_ANTIALIAS_ON)
    (.setRenderingHint g RenderingHints/KEY_TEXT_ANTIALIASING
                       RenderingHints/VALUE_TEXT_ANTIALIAS_ON)
    (.setColor g Color/WHITE)
    (.fillRect g 0 0 width height)
    [img g]))

(defn- text!
  "Draws `s` with its baseline at y, anchored at x by `align` (:left :center :right)."
  [^Graphics2D g ^String s x y ^Font f ^Color c align]
  (.setFont g f)
  (.setColor g c)
  (let [w (.stringWidth (.getFontMetrics g) s)
        x0 (case align :left x :center (- x (/ w 2.0)) :right (- x w))]
    (.drawString g s (float x0) (float y))
    w))

(defn- line! [^Graphics2D g ^Color c w x0 y0 x1 y1]
  (.setColor g c)
  (.setStroke g (BasicStroke. (float w)))
  (.draw g (Line2D$Double. x0 y0 x1 y1)))

(defn- polyline!
  "Draws one line through points [x y] (pixels), lifting the pen where a point is nil."
  [^Graphics2D g ^Color c w dashed? pts]
  (let [p (Path2D$Double.)]
    (reduce (fn [pen? pt]
              (if-let [[x y] pt]
                (do (if pen? (.lineTo p (double x) (double y)) (.moveTo p (double x) (double y)))
                    true)
                false))
            false pts)
    (.setColor g c)
    (.setStroke g (if dashed?
                    (BasicStroke. (float w) BasicStroke/CAP_BUTT BasicStroke/JOIN_ROUND
                                  10.0 (float-array [8 5]) 0.0)
                    (BasicStroke. (float w) BasicStroke/CAP_ROUND BasicStroke/JOIN_ROUND)))
    (.draw g p)))

(defn- marker ^Shape [shape ^double x ^double y ^double r]
  (case shape
    :circle (Ellipse2D$Double. (- x r) (- y r) (* 2 r) (* 2 r))
    :square (Rectangle2D$Double. (- x (* 0.85 r)) (- y (* 0.85 r)) (* 1.7 r) (* 1.7 r))
    (let [p (Path2D$Double.)
          pts (if (= shape :triangle)
                [[x (- y (* 1.2 r))] [(+ x (* 1.1 r)) (+ y (* 0.8 r))] [(- x (* 1.1 r)) (+ y (* 0.8 r))]]
                [[x (- y (* 1.3 r))] [(+ x (* 1.1 r)) y] [x (+ y (* 1.3 r))] [(- x (* 1.1 r)) y]])]
      (.moveTo p (double (ffirst pts)) (double (second (first pts))))
      (doseq [[px py] (rest pts)] (.lineTo p (double px) (double py)))
      (.closePath p)
      p)))

(def ^:private marker-shapes [:circle :square :triangle :diamond])

;; ---------------------------------------------------------------- plot parts

(defn- fault-kind-colors
  "Nemesis kind → colour, in order of first appearance so a run's legend is stable."
  [faults]
  (zipmap (distinct (map :nemesis faults)) (cycle fault-colors)))

(defn- fault-bands
  "Pixel extents of each fault window; an unhealed fault runs to the end of the plot."
  [f faults]
  (for [{:keys [start end] :as fault} (sort-by :start faults)]
    (assoc fault :x0 (sx f (ns->s start)) :x1 (sx f (if end (ns->s end) (:x1 f))))))

(defn- label-rows
  "Greedily puts each band label in the first of three rows where it fits, so labels of
  close or overlapping windows don't print over each other."
  [^Graphics2D g bands]
  (.setFont g band-font)
  (let [fm (.getFontMetrics g)
        [l _ r _] plot-rect]
    (first
     (reduce (fn [[out row-ends] [i b]]
               (let [w (.stringWidth fm (name (:nemesis b)))
                     x (max (+ l 3) (min (+ 3 (:x0 b)) (- r w 3)))
                     row (or (first (filter #(<= (row-ends %) x) (range 3))) (mod i 3))]
                 [(conj out (assoc b :row row :label-x x)) (assoc row-ends row (+ x w 6))]))
             [[] [-1e9 -1e9 -1e9]]
             (map-indexed vector bands)))))

(defn- shade-faults!
  "Fills each fault window; returns the bands for label-faults!, which runs after the
  data so the labels stay readable on top of it."
  [^Graphics2D g f faults]
  (let [[_ t _ b] plot-rect
        colors (fault-kind-colors faults)
        bands (label-rows g (fault-bands f faults))]
    (doseq [{:keys [x0 x1 nemesis]} bands
            :let [c (colors nemesis) w (max 2.0 (- x1 x0))]]
      (.setColor g (with-alpha c 50))
      (.fill g (Rectangle2D$Double. x0 t w (- b t)))
      (line! g (with-alpha c 140) 1 x0 t x0 b)
      (line! g (with-alpha c 140) 1 (+ x0 w) t (+ x0 w) b))
    (map #(assoc % :color (colors (:nemesis %))) bands)))

(defn- label-faults! [^Graphics2D g bands]
  (let [[_ t _ _] plot-rect]
    (.setFont g band-font)
    (doseq [{:keys [label-x nemesis row color]} bands
            :let [s (name nemesis)
                  y (+ t 15 (* 15 row))
                  w (.stringWidth (.getFontMetrics g) s)]]
      (.setColor g (rgb 255 255 255 170))
      (.fill g (Rectangle2D$Double. (- label-x 2) (- y 11) (+ w 4) 14))
      (text! g s label-x y band-font (.darker ^Color color) :left))))

(defn- x-axis! [^Graphics2D g f]
  (let [[_ t _ b] plot-rect
        [l _ r _] plot-rect]
    (doseq [x (linear-ticks (:x0 f) (:x1 f) 12 true) :let [px (sx f x)]]
      (line! g grid-color 1 px t px b)
      (line! g ink 1 px b px (+ b 5))
      (text! g (fmt-num x) px (+ b 20) tick-font ink :center))
    (text! g "time since start (s)" (/ (+ l r) 2.0) (+ b 45) label-font ink :center)))

(defn- y-label! [^Graphics2D g ^String s x color]
  (let [[_ t _ b] plot-rect
        saved (.getTransform g)]
    (.rotate g (- (/ Math/PI 2)) x (/ (+ t b) 2.0))
    (text! g s x (/ (+ t b) 2.0) label-font color :center)
    (.setTransform g saved)))

(defn- y-axis!
  "Ticks, labels and title of a y axis on `side`; gridlines only for the left axis."
  [^Graphics2D g f ticks ^String label side ^Color color]
  (let [[l _ r _] plot-rect
        x (if (= side :left) l r)
        dir (if (= side :left) -1 1)]
    (doseq [y ticks :let [py (sy f y)]]
      (when (= side :left) (line! g grid-color 1 l py r py))
      (line! g color 1 x py (+ x (* dir 5)) py)
      (text! g (fmt-num y) (+ x (* dir 8)) (+ py 4) tick-font color
             (if (= side :left) :right :left)))
    (y-label! g label (if (= side :left) 22 (- width 12)) color)))

(defn- border! [^Graphics2D g]
  (let [[l t r b] plot-rect]
    (.setColor g ink)
    (.setStroke g (BasicStroke. 1.0))
    (.draw g (Rectangle2D$Double. l t (- r l) (- b t)))))

(defn- legend!
  "One row of entries under the title: {:label s :color c :kind :marker|:line|:dash|:band}.
  Entries that would run off the image are left out; callers put the fault kinds last
  because the bands carry their own labels."
  [^Graphics2D g entries]
  (let [[l t _ _] plot-rect
        y (- t 16)]
    (.setFont g legend-font)
    (reduce (fn [x {:keys [label color kind shape]}]
              (let [next-x (+ x 35 (.stringWidth (.getFontMetrics g) ^String label))]
                (if (> next-x (- width 10))
                  (reduced x)
                  (do (case kind
                        :marker (do (.setColor g color)
                                    (.fill g (marker (or shape :circle) (+ x 7) (- y 4) 5)))
                        :line (line! g color 2.5 x (- y 4) (+ x 16) (- y 4))
                        :dash (polyline! g color 2 true [[x (- y 4)] [(+ x 16) (- y 4)]])
                        :band (do (.setColor g (with-alpha color 70))
                                  (.fill g (Rectangle2D$Double. x (- y 11) 16 13))))
                      (text! g label (+ x 21) y legend-font ink :left)
                      next-x))))
            l entries)))

(defn- title! [g run ^String what]
  (text! g (str (or (:name run) "run") " — " what) (/ width 2.0) 28 title-font ink :center))

(defn- fault-legend [faults]
  (for [[k c] (sort-by (comp str key) (fault-kind-colors faults))]
    {:label (name k) :color c :kind :band}))

(defn- finish ^BufferedImage [[^BufferedImage img ^Graphics2D g] bands]
  (label-faults! g bands)
  (border! g)
  (.dispose g)
  img)

;; ---------------------------------------------------------------- the plots

(defn- completions [run]
  (filter #(and (#{:ok :fail :info} (:type %)) (:latency-ns %)) (:history run)))

(defn latency-image
  "Scatter of each completion's latency (ms, log y) against its completion time (s):
  colour by :type, marker shape by :f, fault windows shaded."
  ^BufferedImage [run]
  (let [ops (completions run)
        fs (sort (distinct (map :f ops)))
        shapes (zipmap fs (cycle marker-shapes))
        lat-ms (fn [op] (/ (double (:latency-ns op)) 1e6))
        f (frame (time-range-s run) (log-range (filter pos? (map lat-ms ops))) true)
        [_ ^Graphics2D g :as cv] (canvas)
        bands (shade-faults! g f (:faults run))]
    (title! g run "latency of completed ops")
    (x-axis! g f)
    (y-axis! g f (log-ticks (:y0 f) (:y1 f)) "latency (ms, log scale)" :left ink)
    (doseq [op ops]
      (.setColor g (with-alpha (type-colors (:type op) ink) 150))
      (.fill g (marker (shapes (:f op)) (sx f (ns->s (:time op))) (sy f (lat-ms op)) 3.2)))
    (legend! g (concat (for [t [:ok :fail :info]] {:label (name t) :color (type-colors t) :kind :marker})
                       (for [fk fs] {:label (name fk) :color ink :kind :marker :shape (shapes fk)})
                       (fault-legend (:faults run))))
    (finish cv bands)))

(defn- per-second
  "Vector of n counts: how many of `times` (ns) fall in each whole second."
  [n times]
  (reduce (fn [v t] (let [i (long (ns->s t))] (if (< -1 i n) (update v i inc) v)))
          (vec (repeat n 0)) times))

(defn- blocks-per-second
  "Blocks committed in each second by the fastest node: the running max height over
  all nodes, differenced per second. Seconds before the first sample count 0."
  [n heights]
  (let [top (reduce (fn [v {:keys [time height]}]
                      (let [i (long (ns->s time))]
                        (if (< -1 i n) (update v i #(max (or % height) height)) v)))
                    (vec (repeat n nil)) heights)
        base (when (seq heights) (:height (first (sort-by :time heights))))
        running (rest (reductions (fn [acc h] (if h (max (or acc h) h) acc)) base top))]
    (mapv (fn [prev cur] (if (and prev cur) (- cur prev) 0)) (cons base running) running)))

(defn throughput-image
  "Per-second :ok completions, one line per :f (left axis), and committed blocks per
  second (right axis, dashed), fault windows shaded."
  ^BufferedImage [run]
  (let [[_ hi :as xr] (time-range-s run)
        n (long (Math/ceil hi))
        oks (filter #(= :ok (:type %)) (:history run))
        fs (sort (distinct (map :f oks)))
        series (into {} (for [fk fs] [fk (per-second n (map :time (filter #(= fk (:f %)) oks)))]))
        blocks (when (seq (:heights run)) (blocks-per-second n (:heights run)))
        top (fn [vs] (* 1.1 (max 1 (reduce max 0 vs))))
        f (frame xr [0 (top (mapcat val series))] false)
        fb (frame xr [0 (top blocks)] false)
        colors (zipmap fs series-colors)
        [_ ^Graphics2D g :as cv] (canvas)
        bands (shade-faults! g f (:faults run))
        pts (fn [fr vs] (map-indexed (fn [i v] [(sx fr (+ i 0.5)) (sy fr v)]) vs))]
    (title! g run "throughput per second")
    (x-axis! g f)
    (y-axis! g f (linear-ticks 0 (:y1 f) 8 true) "ok ops per second" :left ink)
    (when blocks
      (y-axis! g fb (linear-ticks 0 (:y1 fb) 8 true) "blocks committed per second" :right blocks-color)
      (polyline! g blocks-color 2 true (pts fb blocks)))
    (doseq [fk fs] (polyline! g (colors fk) 2.5 false (pts f (series fk))))
    (legend! g (concat (for [fk fs] {:label (str (name fk) " ok/s") :color (colors fk) :kind :line})
                       (when blocks [{:label "blocks/s (right axis)" :color blocks-color :kind :dash}])
                       (fault-legend (:faults run))))
    (finish cv bands)))

(def ^:private max-sample-gap-s
  "Heights are sampled every ~250 ms; a longer silence means the node was down or
  unreachable, so the line breaks there instead of drawing a fake ramp."
  1.5)

(defn- with-gaps [samples]
  (mapcat (fn [prev cur]
            (if (and prev (> (- (ns->s (:time cur)) (ns->s (:time prev))) max-sample-gap-s))
              [nil cur] [cur]))
          (cons nil samples) samples))

(defn heights-image
  "Each node's committed height over time, one line per node, fault windows shaded.
  Earlier nodes draw wider so nodes in lock-step still show as stacked stripes, and a
  node's line breaks where it went silent (down or unreachable)."
  ^BufferedImage [run]
  (let [by-node (group-by :node (:heights run))
        nodes (or (seq (filter by-node (:nodes run))) (sort (keys by-node)))
        hs (map :height (:heights run))
        lo (if (seq hs) (apply min hs) 0)
        hi (if (seq hs) (apply max hs) 1)
        pad (max 1 (* 0.05 (- hi lo)))
        f (frame (time-range-s run) [(max 0 (- lo pad)) (+ hi pad)] false)
        colors (zipmap nodes (cycle series-colors))
        [_ ^Graphics2D g :as cv] (canvas)
        bands (shade-faults! g f (:faults run))
        k (count nodes)]
    (title! g run "committed height per node")
    (x-axis! g f)
    (y-axis! g f (linear-ticks (:y0 f) (:y1 f) 8 true) "committed height" :left ink)
    (doseq [[i node] (map-indexed vector nodes)
            :let [w (min 9.0 (+ 2.0 (* 1.5 (- k 1 i))))]]
      (polyline! g (colors node) w false
                 (map #(when % [(sx f (ns->s (:time %))) (sy f (:height %))])
                      (with-gaps (sort-by :time (by-node node))))))
    (legend! g (concat (for [node nodes] {:label (str node) :color (colors node) :kind :line})
                       (fault-legend (:faults run))))
    (finish cv bands)))

;; ---------------------------------------------------------------- files

(defn- write-png! ^File [^BufferedImage img file]
  (let [file (io/file file)]
    (io/make-parents file)
    (when-not (ImageIO/write img "png" file)
      (throw (IllegalStateException. (str "no PNG writer for " file))))
    file))

(defn latency-png "Writes latency-image of `run` to `file`; returns the File."
  [run file] (write-png! (latency-image run) file))

(defn throughput-png "Writes throughput-image of `run` to `file`; returns the File."
  [run file] (write-png! (throughput-image run) file))

(defn heights-png "Writes heights-image of `run` to `file`; returns the File."
  [run file] (write-png! (heights-image run) file))
