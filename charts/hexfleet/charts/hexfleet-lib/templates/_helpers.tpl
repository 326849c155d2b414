{{/*
Every template here takes one context: (dict "root" $ "name" "<deployable>" "d" <its merged values> "component" "service|gateway|registry").
A deployable's values are the chart's `defaults` overlaid with its own block (hexfleet-lib.merged).
*/}}

{{- define "hexfleet-lib.merged" -}}
{{- $defaults := deepCopy .root.Values.defaults -}}
{{- toYaml (mergeOverwrite $defaults (deepCopy .values)) -}}
{{- end -}}

{{- define "hexfleet-lib.fullname" -}}
{{- printf "%s-%s" .root.Release.Name .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hexfleet-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "hexfleet-lib.labels" -}}
{{ include "hexfleet-lib.selectorLabels" . }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: hexfleet
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "hexfleet-lib.image" -}}
{{- $g := .root.Values.global.image -}}
{{- $repo := .d.image.repository | default (printf "%s/%s" $g.registry .name) -}}
{{- $tag := .d.image.tag | default $g.tag | default .root.Chart.AppVersion -}}
{{- if .d.image.digest -}}
{{- printf "%s@%s" $repo .d.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{/* The environment every process of the fleet reads (libs/platform/src/config.ts), then the deployable's own. */}}
{{- define "hexfleet-lib.env" -}}
{{- $v := .root.Values -}}
- name: PORT
  value: "3000"
- name: HOST
  value: "0.0.0.0"
- name: KAFKA_BROKERS
  value: {{ $v.kafka.brokers | quote }}
- name: SCHEMA_REGISTRY_URL
  value: {{ include "hexfleet.schemaRegistryUrl" .root | quote }}
{{- if ne .name "identity" }}
- name: JWKS_URL
  value: {{ include "hexfleet.jwksUrl" .root | quote }}
{{- end }}
{{- with $v.auth.issuer }}
- name: JWT_ISSUER
  value: {{ . | quote }}
{{- end }}
{{- with $v.auth.audience }}
- name: JWT_AUDIENCE
  value: {{ . | quote }}
{{- end }}
- name: LOG_LEVEL
  value: {{ .d.logLevel | default $v.global.logLevel | quote }}
{{- with $v.global.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- with $v.global.fleetId }}
- name: FLEET_ID
  value: {{ . | quote }}
{{- end }}
- name: SHUTDOWN_TIMEOUT_MS
  value: {{ mul (sub .d.terminationGracePeriodSeconds 5) 1000 | quote }}
{{- range $key, $value := .d.env }}
- name: {{ $key }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{- define "hexfleet-lib.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "hexfleet-lib.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* "true" when KEDA scales this deployable: enabled, and it has consumer groups to scale on. */}}
{{- define "hexfleet-lib.keda" -}}
{{- if and .d.keda.enabled .groups }}true{{ end -}}
{{- end -}}
