{{- define "hexfleet-lib.deployment" -}}
{{- $d := .d -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "hexfleet-lib.fullname" . }}
  labels:
    {{- include "hexfleet-lib.labels" . | nindent 4 }}
spec:
  {{- if not (or $d.autoscaling.enabled (include "hexfleet-lib.keda" .)) }}
  replicas: {{ $d.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "hexfleet-lib.selectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "hexfleet-lib.labels" . | nindent 8 }}
        {{- with $d.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      annotations:
        {{- /* A changed environment restarts the pods even when only a value moved. */}}
        checksum/env: {{ include "hexfleet-lib.env" . | sha256sum }}
        {{- with $d.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      terminationGracePeriodSeconds: {{ $d.terminationGracePeriodSeconds }}
      securityContext:
        {{- include "hexfleet-lib.podSecurityContext" . | nindent 8 }}
      {{- with .root.Values.global.image.pullSecrets }}
      imagePullSecrets:
        {{- range . }}
        - name: {{ . }}
        {{- end }}
      {{- end }}
      {{- with $d.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      {{- if $d.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: {{ $d.topologySpread.maxSkew }}
          topologyKey: topology.kubernetes.io/zone
          whenUnsatisfiable: {{ $d.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "hexfleet-lib.selectorLabels" . | nindent 14 }}
        - maxSkew: {{ $d.topologySpread.maxSkew }}
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: {{ $d.topologySpread.whenUnsatisfiable }}
          labelSelector:
            matchLabels:
              {{- include "hexfleet-lib.selectorLabels" . | nindent 14 }}
      {{- end }}
      {{- with $d.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $d.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $d.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "hexfleet-lib.image" . | quote }}
          imagePullPolicy: {{ .root.Values.global.image.pullPolicy }}
          {{- with $d.args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          ports:
            - name: http
              containerPort: 3000
              protocol: TCP
          env:
            {{- include "hexfleet-lib.env" . | nindent 12 }}
          {{- if $d.existingSecret }}
          envFrom:
            - secretRef:
                name: {{ $d.existingSecret }}
          {{- end }}
          {{- with $d.probes }}
          startupProbe:
            httpGet:
              path: /health/live
              port: http
            periodSeconds: {{ .startup.periodSeconds }}
            failureThreshold: {{ .startup.failureThreshold }}
            timeoutSeconds: 2
          livenessProbe:
            httpGet:
              path: /health/live
              port: http
            periodSeconds: {{ .liveness.periodSeconds }}
            failureThreshold: {{ .liveness.failureThreshold }}
            timeoutSeconds: 2
          readinessProbe:
            httpGet:
              path: /health/ready
              port: http
            periodSeconds: {{ .readiness.periodSeconds }}
            failureThreshold: {{ .readiness.failureThreshold }}
            {{- /* The service bounds each dependency check at 1.5 s. */}}
            timeoutSeconds: 3
          {{- end }}
          {{- with $d.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          securityContext:
            {{- include "hexfleet-lib.containerSecurityContext" . | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
{{- end -}}
