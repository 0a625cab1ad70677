(ns keel.chaos.checker.conflicting-votes-test
  (:require [clojure.test :refer [deftest is testing]]
            [keel.chaos.checker.builders :refer [h run-of]]
            [keel.chaos.checker.conflicting-votes :as conflicting-votes]))

(defn- equivocation [validator round]
  {:validator validator :round round :blocks [(h [:a round]) (h [:b round])]})

(deftest evidence-only-against-the-twin-is-valid-and-counted
  (let [result (conflicting-votes/check
                 (run-of {:twins #{2}
                          :evidence {"n0" [(equivocation 2 17) (equivocation 2 18)]
                                     "n1" [(equivocation 2 17)]
                                     "n3" []}}))]
    (is (true? (:valid? result)))
    (is (= 3 (:twin-evidence-count result)))
    (is (= 2 (:twin-equivocations result)) "round 17 was seen by two nodes")))

(deftest evidence-against-a-non-twin-is-invalid
  (let [result (conflicting-votes/check
                 (run-of {:twins #{2}
                          :evidence {"n0" [(equivocation 2 17)]
                                     "n4" [(equivocation 3 21)]}}))]
    (is (false? (:valid? result)))
    (is (= #{3} (:accused result)))
    (is (= [(assoc (equivocation 3 21) :node "n4")] (:violations result)))
    (is (= 1 (:twin-evidence-count result)))))

(deftest without-twins-any-evidence-is-invalid
  (is (false? (:valid? (conflicting-votes/check (run-of {:twins #{} :evidence {"n1" [(equivocation 0 3)]}}))))))

(deftest validators-named-by-node-are-understood
  (is (true? (:valid? (conflicting-votes/check (run-of {:twins #{2} :evidence {"n1" [(equivocation "n2" 3)]}})))))
  (is (false? (:valid? (conflicting-votes/check (run-of {:twins #{2} :evidence {"n1" [(equivocation "n1" 3)]}}))))))

(deftest no-evidence-found-is-valid-but-none-collected-is-unknown
  (is (true? (:valid? (conflicting-votes/check (run-of {:evidence {}})))))
  (testing "the :evidence key is missing: we cannot tell"
    (is (= :unknown (:valid? (conflicting-votes/check (dissoc (run-of {}) :evidence)))))))
