(ns keel.chaos.http
  "The validators' public HTTP API as the workloads and final reads see it: JSON in and out,
  short timeouts (a partitioned or paused node must cost a client seconds, not minutes), and
  every failure returned as data — the caller decides whether it was :fail or :info."
  (:import (com.fasterxml.jackson.databind ObjectMapper)
           (java.net URI)
           (java.net.http HttpClient HttpClient$Version HttpRequest HttpRequest$BodyPublishers HttpResponse$BodyHandlers)
           (java.time Duration)
           (java.util List Map)))

(def ^:private mapper (ObjectMapper.))

(defn- ->clj [x]
  (cond (instance? Map x) (into {} (map (fn [[k v]] [(keyword k) (->clj v)])) x)
        (instance? List x) (mapv ->clj x)
        :else x))

(defn parse-json [^String s] (->clj (.readValue mapper s Object)))

(def ^:private client
  (delay (-> (HttpClient/newBuilder)
             (.version HttpClient$Version/HTTP_1_1)
             (.connectTimeout (Duration/ofSeconds 2))
             (.build))))

(defn- send! [req]
  (try
    (let [r (.send ^HttpClient @client req (HttpResponse$BodyHandlers/ofString))
          body (.body r)]
      {:status (.statusCode r)
       :body (try (parse-json body) (catch Exception _ body))})
    (catch java.net.http.HttpTimeoutException e {:error :timeout :message (str e)})
    (catch java.net.ConnectException e {:error :connect :message (str e)})
    (catch java.io.IOException e {:error :io :message (str e)})))

(defn get-json
  "GET url; {:status n :body data} or {:error kw :message s}."
  ([url] (get-json url 5000))
  ([url timeout-ms]
   (send! (-> (HttpRequest/newBuilder (URI/create url))
              (.timeout (Duration/ofMillis timeout-ms))
              (.GET) (.build)))))

(defn ^java.io.InputStream get-stream
  "GET url as a stream (for Server-Sent Events); throws on connection errors. Close it when done."
  [url timeout-ms]
  (.body (.send ^HttpClient @client
                (-> (HttpRequest/newBuilder (URI/create url)) (.timeout (Duration/ofMillis timeout-ms)) (.GET) (.build))
                (HttpResponse$BodyHandlers/ofInputStream))))

(defn post-bytes
  [url ^bytes body timeout-ms]
  (send! (-> (HttpRequest/newBuilder (URI/create url))
             (.timeout (Duration/ofMillis timeout-ms))
             (.header "Content-Type" "application/octet-stream")
             (.POST (HttpRequest$BodyPublishers/ofByteArray body))
             (.build))))
