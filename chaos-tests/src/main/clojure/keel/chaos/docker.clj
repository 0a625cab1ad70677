(ns keel.chaos.docker
  "The Docker engine, through Testcontainers' client (Java interop): images built locally, a
  bridge network with fixed addresses, validator containers, and the low-level faults (SIGKILL,
  start, pause, iptables inside a container). Nothing is ever pulled: this machine kind reaches
  no registry, so every image is built here and a pull attempt is a bug."
  (:require [clojure.java.io :as io]
            [clojure.string :as str])
  (:import (com.github.dockerjava.api DockerClient)
           (com.github.dockerjava.api.async ResultCallback$Adapter)
           (com.github.dockerjava.api.model Capability Frame Network$Ipam Network$Ipam$Config)
           (java.util.concurrent TimeUnit)
           (java.util.function Consumer)
           (org.testcontainers DockerClientFactory)
           (org.testcontainers.containers GenericContainer BindMode Network)
           (org.testcontainers.containers.wait.strategy AbstractWaitStrategy)
           (org.testcontainers.images ImagePullPolicy)
           (org.testcontainers.utility DockerImageName)))

(def required-env
  "Testcontainers reads these from the environment only (not from properties): no Ryuk reaper
  and no start-up checks (both would pull images), and the engine is on this host."
  {"TESTCONTAINERS_RYUK_DISABLED" "true"
   "TESTCONTAINERS_CHECKS_DISABLE" "true"
   "TESTCONTAINERS_HOST_OVERRIDE" "localhost"})

(def base-image "keel/jre17-base:bookworm")
(def node-image "keel/node:chaos")

(defn env-ready? []
  (every? (fn [[k v]] (= v (System/getenv k))) required-env))

(defn repo-root
  "The checkout this harness runs from: the nearest directory up from the working directory
  (or keel.home) that holds deploy/Dockerfile."
  []
  (let [start (io/file (or (System/getProperty "keel.home") (System/getProperty "user.dir")))]
    (loop [d (.getCanonicalFile start)]
      (cond (nil? d) (throw (ex-info "cannot find the Keel checkout (deploy/Dockerfile) above the working directory" {}))
            (.exists (io/file d "deploy" "Dockerfile")) d
            :else (recur (.getParentFile d))))))

(defn sh!
  "Runs a command, output to this process's stderr; throws with the exit code on failure."
  [& cmd]
  (let [p (-> (ProcessBuilder. ^java.util.List (vec cmd))
              (.redirectErrorStream true)
              (.redirectOutput java.lang.ProcessBuilder$Redirect/INHERIT)
              (.start))
        code (.waitFor p)]
    (when-not (zero? code)
      (throw (ex-info (str (str/join " " cmd) " failed with exit code " code) {:cmd cmd :exit code})))))

(defn ensure-engine!
  "A Docker engine answers (installing and starting Debian's when root and missing)."
  []
  (sh! "bash" (str (io/file (repo-root) "deploy" "ensure-docker.sh"))))

(defn build-images!
  "The offline JRE base (cached by name, ~1-2 min the first time) and the node image on top."
  []
  (let [root (repo-root)]
    (sh! "bash" (str (io/file root "deploy" "build-base-image.sh")) base-image)
    (sh! "bash" (str (io/file root "deploy" "build-node-image.sh")) node-image base-image)
    node-image))

(defn ^DockerClient client [] (.client (DockerClientFactory/instance)))

(def never-pull
  (reify ImagePullPolicy
    (shouldPull [_ _] false)))

(defn- consumer [f] (reify Consumer (accept [_ x] (f x))))

(defn network
  "A bridge network on `subnet` (e.g. \"10.231.7.0/24\"), created when first used."
  [subnet]
  (-> (Network/builder)
      (.driver "bridge")
      (.createNetworkCmdModifier
        (consumer (fn [cmd] (.withIpam cmd (.withConfig (Network$Ipam.)
                                                         (into-array Network$Ipam$Config
                                                                     [(.withSubnet (Network$Ipam$Config.) subnet)]))))))
      (.build)))

(def ^:private no-wait
  "Readiness is the harness's business (it polls /health on the container's address)."
  (proxy [AbstractWaitStrategy] []
    (waitUntilReady ([] nil) ([_] nil))))

(defn container
  "A validator container (not started): `dir` is mounted at /keel, fixed `ip` on `net`, NET_ADMIN
  for the partitions' iptables rules."
  [{:keys [image net ip dir container-name env cmd]}]
  (let [c (GenericContainer. (DockerImageName/parse image))]
    (doto c
      (.withImagePullPolicy never-pull)
      (.withNetwork net)
      (.withFileSystemBind (str dir) "/keel" BindMode/READ_WRITE)
      (.waitingFor no-wait)
      (.withCreateContainerCmdModifier
        (consumer (fn [cmd]
                    (.withIpv4Address cmd ip)
                    (.withName cmd container-name)
                    (.withCapAdd (.getHostConfig cmd) (into-array Capability [Capability/NET_ADMIN]))))))
    (doseq [[k v] env] (.withEnv c k v))
    (when cmd (.withCommand c (into-array String cmd)))
    c))

(defn id [^GenericContainer c] (.getContainerId c))

(defn kill! [c] (-> (client) (.killContainerCmd (id c)) (.withSignal "KILL") (.exec)))
(defn start! [c] (-> (client) (.startContainerCmd (id c)) (.exec)))
(defn pause! [c] (-> (client) (.pauseContainerCmd (id c)) (.exec)))
(defn unpause! [c] (-> (client) (.unpauseContainerCmd (id c)) (.exec)))

(defn running? [c]
  (boolean (some-> (client) (.inspectContainerCmd (id c)) (.exec) (.getState) (.getRunning))))

(defn exec!
  "Runs `cmd` inside the container as root; returns {:exit n :out s}. Bounded by `timeout-s`."
  ([c cmd] (exec! c cmd 20))
  ([c cmd timeout-s]
   (let [cl (client)
         ex (-> cl (.execCreateCmd (id c)) (.withUser "root") (.withAttachStdout true) (.withAttachStderr true)
                (.withCmd (into-array String cmd)) (.exec))
         out (StringBuilder.)
         cb (proxy [ResultCallback$Adapter] []
              (onNext [^Frame f] (locking out (.append out (String. (.getPayload f) "UTF-8")))))]
     (-> cl (.execStartCmd (.getId ex)) (.exec cb))
     (when-not (.awaitCompletion cb timeout-s TimeUnit/SECONDS)
       (throw (ex-info (str "exec timed out after " timeout-s " s: " (str/join " " cmd)) {:cmd cmd})))
     {:exit (-> cl (.inspectExecCmd (.getId ex)) (.exec) (.getExitCodeLong) (or -1))
      :out (locking out (str out))})))

(defn exec-ok!
  [c cmd]
  (let [{:keys [exit out] :as r} (exec! c cmd)]
    (when-not (zero? exit)
      (throw (ex-info (str (str/join " " cmd) " failed (" exit "): " out) r)))
    r))

(defn logs [^GenericContainer c]
  (try (.getLogs c) (catch Exception e (str "(logs unavailable: " (.getMessage e) ")"))))

(defn stop! [^GenericContainer c]
  (try (.stop c) (catch Exception _ nil)))

(defn remove-leftovers!
  "Removes containers and networks an earlier run left behind (by Testcontainers' label), so a
  crashed run never blocks the next one's addresses or names."
  []
  (let [cl (client)
        label {"org.testcontainers" "true"}]
    (doseq [c (-> cl (.listContainersCmd) (.withShowAll true) (.withLabelFilter label) (.exec))]
      (try (-> cl (.removeContainerCmd (.getId c)) (.withForce true) (.exec)) (catch Exception _ nil)))
    (doseq [n (-> cl (.listNetworksCmd) (.exec))
            :when (= "true" (get (.getLabels n) "org.testcontainers"))]
      (try (-> cl (.removeNetworkCmd (.getId n)) (.exec)) (catch Exception _ nil)))))
