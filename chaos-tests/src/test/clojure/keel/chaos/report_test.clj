(ns keel.chaos.report-test
  (:require [clojure.edn :as edn]
            [clojure.java.io :as io]
            [clojure.string :as str]
            [clojure.test :refer [deftest is testing use-fixtures]]
            [keel.chaos.checker :as checker]
            [keel.chaos.plot :as plot]
            [keel.chaos.plot-test :refer [synthetic-run]]
            [keel.chaos.report :as report])
  (:import (java.awt.image BufferedImage)
           (java.io File)
           (java.nio.file Files)
           (java.nio.file.attribute FileAttribute)
           (javax.imageio ImageIO)))

(def ^:private temp-dirs (atom []))

(defn- temp-dir ^File []
  (let [dir (.toFile (Files/createTempDirectory "report-test" (make-array FileAttribute 0)))]
    (swap! temp-dirs conj dir)
    dir))

(defn- delete-tree! [^File f]
  (doseq [^File child (reverse (file-seq f))] (.delete child)))

(use-fixtures :once (fn [run-tests]
                      (try (run-tests)
                           (finally (run! delete-tree! @temp-dirs) (reset! temp-dirs [])))))

(def ^:private s->ns (comp long #(* % 1e9)))

(def invalid-results
  "Shaped like keel.chaos.checker/check-all's output for the synthetic run's two faults."
  {:valid? false
   :checkers {:agreement {:valid? true :divergent-height-count 0}
              :no-lost {:valid? false :acknowledged-count 812 :lost-count 3
                        :lost [{:tx "ab12ef90aa55aa55" :index 12} {:tx "cd34ef90bb66bb66" :index 40}
                               {:tx "ee56ef90cc77cc77" :index 77}]
                        :missing-on-nodes-count 0 :missing-on-nodes []}
              :bank {:valid? :unknown :skipped? true :reason "not run" :detail "no bank workload"}
              :liveness {:valid? :unknown
                         :recoveries [{:fault-index 0 :heal-time (s->ns 18) :outcome :recovered
                                       :recovery-ms 1800.0}
                                      {:fault-index 1 :heal-time (s->ns 30) :outcome :unobserved}]}}})

(def valid-results
  {:valid? true :checkers {:agreement {:valid? true} :no-lost {:valid? true}}})

;; ---------------------------------------------------------------- percentile

(deftest percentile-is-nearest-rank
  (let [xs (shuffle (range 1 101))]
    (is (= 50 (report/percentile xs 50)))
    (is (= 95 (report/percentile xs 95)))
    (is (= 99 (report/percentile xs 99)))
    (is (= 100 (report/percentile xs 100)))
    (is (= 1 (report/percentile xs 0))))
  (testing "rank is ceil(p/100 * n), always an observed value"
    (is (= 20 (report/percentile [15 20 35 40 50] 30)))
    (is (= 20 (report/percentile [15 20 35 40 50] 40)))
    (is (= 35 (report/percentile [15 20 35 40 50] 50)))
    (is (= 50 (report/percentile [15 20 35 40 50] 100)))
    (is (= 7 (report/percentile [7] 99))))
  (is (nil? (report/percentile [] 50))))

;; ---------------------------------------------------------------- verdicts

(deftest verdict-line-names-the-failing-checkers
  (is (= "valid" (report/verdict-line valid-results)))
  (is (= "INVALID: no-lost" (report/verdict-line invalid-results)))
  (is (= "INVALID: agreement, no-lost"
         (report/verdict-line {:valid? false :checkers {:agreement {:valid? false}
                                                        :no-lost {:valid? false}
                                                        :bank {:valid? true}}})))
  (is (= "unknown: liveness"
         (report/verdict-line {:valid? :unknown :checkers {:agreement {:valid? true}
                                                           :liveness {:valid? :unknown}}}))))

(deftest a-failing-checker-wins-over-a-valid-top-level
  (testing "the line must not say valid while a checker says otherwise"
    (is (= "INVALID: no-lost"
           (report/verdict-line {:valid? true :checkers {:no-lost {:valid? false}}})))))

;; ---------------------------------------------------------------- run directory

(defn- image-size [^File f]
  (let [^BufferedImage img (ImageIO/read f)] [(.getWidth img) (.getHeight img)]))

(deftest write-run-lays-out-the-directory
  (let [dir (io/file (temp-dir) "run-1")
        run (synthetic-run)
        summary (report/write-run! dir run invalid-results {:logs {"n0" "hello\n" "n/1" "x"}})]
    (doseq [fname ["history.edn" "run.edn" "results.edn" "summary.txt"
                   "latency.png" "throughput.png" "heights.png" "logs/n0.log" "logs/n_1.log"]]
      (is (pos? (.length (io/file dir fname))) fname))
    (doseq [fname ["latency.png" "throughput.png" "heights.png"]]
      (is (= [plot/width plot/height] (image-size (io/file dir fname))) fname))
    (is (= summary (slurp (io/file dir "summary.txt"))))
    (testing "history is one op per line and reads back"
      (is (= (count (:history run))
             (count (str/split-lines (slurp (io/file dir "history.edn"))))))
      (is (= (:history run) (report/read-history (io/file dir "history.edn")))))
    (testing "run.edn is the run without its history; results.edn reads back"
      (is (= (dissoc run :history) (edn/read-string (slurp (io/file dir "run.edn")))))
      (is (= invalid-results (edn/read-string (slurp (io/file dir "results.edn"))))))))

(defn- line-of [summary checker]
  (first (filter #(str/starts-with? (str/triml %) checker) (str/split-lines summary))))

(deftest summary-reports-each-checker-and-the-verdict
  (let [summary (report/write-run! (temp-dir) (synthetic-run) invalid-results {})]
    (is (re-find #"valid$" (line-of summary "agreement")))
    (is (re-find #"INVALID\s+lost 3: ab12ef90\.\. cd34ef90\.\. ee56ef90\.\.; acknowledged 812$"
                 (line-of summary "no-lost")))
    (is (re-find #"unknown\s+\(not run: no bank workload\)$" (line-of summary "bank")))
    (is (re-find #"unknown" (line-of summary "liveness")))
    (is (str/includes? summary "Verdict: INVALID: no-lost"))
    (is (not (re-find #"(?m)^Verdict: valid" summary)))))

(deftest summary-of-real-checker-output-names-every-checker
  (let [results (checker/check-all (synthetic-run))
        summary (report/summary (synthetic-run) results)]
    (doseq [k (keys checker/checkers)]
      (is (line-of summary (name k)) (name k)))
    (is (str/includes? summary (str "Verdict: " (report/verdict-line results))))))

(deftest summary-shows-faults-ops-and-latency
  (let [run (synthetic-run)
        summary (report/summary run invalid-results)
        ok-submits (filter #(and (= :ok (:type %)) (= :submit (:f %))) (:history run))]
    (is (str/includes? summary "partition-halves [0 3] | [1 2 4]"))
    (is (str/includes? summary "recovered 1.8 s after heal at 18.0 s"))
    (is (str/includes? summary "no recovery after heal at 30.0 s (unobserved)"))
    (is (re-find (re-pattern (str "(?m)^\\s+submit\\s+\\d+\\s+" (count ok-submits) "\\s"))
                 summary)
        "op counts: invoke then ok column for submit")
    (is (re-find #"(?m)^\s+f\s+n\s+p50\s+p95\s+p99\s+max$" summary))
    (is (str/includes? summary "Verdict: INVALID: no-lost"))))

(deftest valid-run-says-valid
  (let [summary (report/summary (synthetic-run) valid-results)]
    (is (str/includes? summary "Verdict: valid"))
    (is (not (str/includes? summary "INVALID")))))

(deftest empty-run-still-reports
  (let [dir (temp-dir)
        summary (report/write-run! dir {:name "empty"} {:valid? :unknown :checkers {}} {})]
    (is (str/includes? summary "Verdict: unknown"))
    (is (= [plot/width plot/height] (image-size (io/file dir "latency.png"))))))

(deftest a-broken-plot-does-not-lose-the-run
  (let [dir (temp-dir)
        summary (with-redefs [plot/latency-png (fn [_ _] (throw (IllegalStateException. "boom")))]
                  (binding [*err* (java.io.StringWriter.)]
                    (report/write-run! dir (synthetic-run) valid-results {})))]
    (is (str/includes? summary "latency.png not drawn"))
    (is (pos? (.length (io/file dir "history.edn"))))
    (is (pos? (.length (io/file dir "throughput.png"))))))

(deftest skipped-checkers-do-not-make-the-verdict-unknown
  (is (= "unknown: liveness"
         (report/verdict-line {:valid? :unknown
                               :checkers {:bank {:valid? :unknown :skipped? true}
                                          :liveness {:valid? :unknown :reason "no height samples"}}})))
  (is (= "valid" (report/verdict-line {:valid? true :checkers {:bank {:valid? :unknown :skipped? true}}}))))

(deftest invalid-details-show-maps-when-there-are-no-counts
  (let [line (line-of (report/summary {:name "m"} {:valid? false
                                                  :checkers {:bank {:valid? false :negative {}
                                                                    :wrong-totals {"n0" 0 "n1" 0}}}})
                      "bank")]
    (is (re-find #"INVALID\s+wrong-totals 2: n0=0 n1=0$" line))))
