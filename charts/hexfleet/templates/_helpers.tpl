{{/* The repository's catalog: topics and each service's consumer groups (tools/k8s/chart-catalog.mjs writes it). */}}
{{- define "hexfleet.catalog" -}}
{{- .Files.Get "files/catalog.json" -}}
{{- end -}}

{{- define "hexfleet.schemaRegistryUrl" -}}
{{- if .Values.registry.enabled -}}
{{- printf "http://%s-registry.%s.svc" .Release.Name .Release.Namespace -}}
{{- else -}}
{{- required "schemaRegistry.url is required (or registry.enabled)" .Values.schemaRegistry.url -}}
{{- end -}}
{{- end -}}

{{- define "hexfleet.jwksUrl" -}}
{{- if .Values.auth.jwksUrl -}}
{{- .Values.auth.jwksUrl -}}
{{- else if .Values.services.identity.enabled -}}
{{- printf "http://%s-identity.%s.svc/.well-known/jwks.json" .Release.Name .Release.Namespace -}}
{{- else -}}
{{- fail "auth.jwksUrl is required when identity is not deployed by this release" -}}
{{- end -}}
{{- end -}}

{{/* The env a service gets on top of the platform's: the topics' replication. */}}
{{- define "hexfleet.serviceEnv" -}}
KAFKA_REPLICATION_FACTOR: {{ .Values.kafka.replicationFactor | quote }}
KAFKA_MIN_INSYNC_REPLICAS: {{ .Values.kafka.minInsyncReplicas | quote }}
{{- end -}}
