{{- define "hexfleet-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "hexfleet-lib.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: 80
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "hexfleet-lib.pdb" -}}
{{- if .d.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .d.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "hexfleet-lib.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end -}}

{{/* CPU autoscaling, for a deployable KEDA does not scale (KEDA makes its own HPA: two would fight). */}}
{{- define "hexfleet-lib.hpa" -}}
{{- if and .d.autoscaling.enabled (not (include "hexfleet-lib.keda" .)) }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "hexfleet-lib.fullname" . }}
  minReplicas: {{ .d.autoscaling.minReplicas }}
  maxReplicas: {{ .d.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .d.autoscaling.targetCPUUtilizationPercentage }}
{{- end }}
{{- end -}}

{{/*
KEDA: scale a consumer on its groups' Kafka lag, and on CPU like the HPA would. More replicas than
the smallest partition count of a group's topics would sit idle, so maxReplicas is capped there.
Context also carries "groups": the service's consumer groups from files/catalog.json.
*/}}
{{- define "hexfleet-lib.scaledObject" -}}
{{- if include "hexfleet-lib.keda" . }}
{{- $root := .root -}}
{{- $k := .d.keda -}}
{{- $partitions := dict -}}
{{- range .catalog.topics }}{{ $_ := set $partitions .name .partitions }}{{ end -}}
{{- $cap := 0 -}}
{{- range .groups }}{{ range .topics }}{{ $p := int (get $partitions .) }}{{ if gt $p $cap }}{{ $cap = $p }}{{ end }}{{ end }}{{ end -}}
{{- $max := int .d.autoscaling.maxReplicas -}}
{{- if and (gt $cap 0) (gt $max $cap) }}{{ $max = $cap }}{{ end -}}
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    name: {{ include "hexfleet-lib.fullname" . }}
  minReplicaCount: {{ .d.autoscaling.minReplicas }}
  maxReplicaCount: {{ $max }}
  pollingInterval: {{ $k.pollingInterval }}
  cooldownPeriod: {{ $k.cooldownPeriod }}
  triggers:
    - type: cpu
      metricType: Utilization
      metadata:
        value: {{ .d.autoscaling.targetCPUUtilizationPercentage | quote }}
    {{- range .groups }}
    - type: kafka
      metadata:
        bootstrapServers: {{ $root.Values.kafka.brokers | quote }}
        consumerGroup: {{ .groupId | quote }}
        lagThreshold: {{ $k.lagThreshold | quote }}
        offsetResetPolicy: earliest
        allowIdleConsumers: "false"
      {{- with $k.authenticationRef }}
      authenticationRef:
        name: {{ . }}
      {{- end }}
    {{- end }}
{{- end }}
{{- end -}}

{{/*
Who may connect: the gateway from the ingress controller; services from the gateway (and, where a
deployable names them, from the rest of the fleet: identity's JWKS, the registry); everyone from the
metrics scraper on the same port (/metrics).
*/}}
{{- define "hexfleet-lib.networkPolicy" -}}
{{- $np := .root.Values.networkPolicy -}}
{{- if $np.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "hexfleet-lib.selectorLabels" . | nindent 6 }}
  policyTypes: [Ingress]
  ingress:
    - from:
        {{- if eq .component "gateway" }}
        - namespaceSelector:
            {{- toYaml $np.ingressController.namespaceSelector | nindent 12 }}
          {{- with $np.ingressController.podSelector }}
          podSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
        {{- else }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: gateway
              app.kubernetes.io/instance: {{ .root.Release.Name }}
        {{- end }}
        {{- if .d.networkPolicy.fromFleet }}
        - podSelector:
            matchLabels:
              app.kubernetes.io/part-of: hexfleet
              app.kubernetes.io/instance: {{ .root.Release.Name }}
        {{- end }}
        - namespaceSelector:
            {{- toYaml $np.metrics.namespaceSelector | nindent 12 }}
          {{- with $np.metrics.podSelector }}
          podSelector:
            {{- toYaml . | nindent 12 }}
          {{- end }}
      ports:
        - port: http
          protocol: TCP
{{- end }}
{{- end -}}

{{- define "hexfleet-lib.serviceMonitor" -}}
{{- $sm := .root.Values.monitoring.serviceMonitor -}}
{{- if $sm.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "hexfleet-lib.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /metrics
      interval: {{ $sm.interval }}
      scrapeTimeout: {{ $sm.scrapeTimeout }}
{{- end }}
{{- end -}}

{{/* Everything one deployable is made of. */}}
{{- define "hexfleet-lib.deployable" -}}
{{ include "hexfleet-lib.deployment" . }}
---
{{ include "hexfleet-lib.service" . }}
{{- with include "hexfleet-lib.pdb" . | trim }}
---
{{ . }}
{{- end }}
{{- with include "hexfleet-lib.hpa" . | trim }}
---
{{ . }}
{{- end }}
{{- with include "hexfleet-lib.scaledObject" . | trim }}
---
{{ . }}
{{- end }}
{{- with include "hexfleet-lib.networkPolicy" . | trim }}
---
{{ . }}
{{- end }}
{{- with include "hexfleet-lib.serviceMonitor" . | trim }}
---
{{ . }}
{{- end }}
{{- end -}}
