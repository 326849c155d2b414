#!/usr/bin/env python3
"""Offline schemas for kubeconform, made once into .cache/k8s-schemas (git-ignored).

- Kubernetes: PyPI's kubernetes-validate ships JSON schemas that kubeconform cannot read as they are:
  each file is rewritten without `$id` and with `$ref`s relative to its folder.
- CRDs: KEDA, Prometheus Operator and CloudNativePG CRD manifests from their Go module sources
  (go mod download, pinned below); Strimzi's KafkaTopic from tools/k8s/crds (a subset, see there).
  Each CRD version's openAPIV3Schema becomes <group>/<kind>_<version>.json; with --strict semantics
  (no field the CRD does not declare, unless it preserves unknown fields). The CRD manifests are also
  copied to crd-manifests/ for the test install.

Usage: tools/k8s/schemas.py <kubernetes-validate package dir> <out dir> <kubernetes version>
"""
import copy, json, os, re, shutil, subprocess, sys
import yaml

MODULES = [
    # (module@version, CRD files inside it)
    ("github.com/kedacore/keda/v2@v2.20.1", ["config/crd/bases/keda.sh_scaledobjects.yaml",
                                             "config/crd/bases/keda.sh_triggerauthentications.yaml"]),
    ("github.com/prometheus-operator/prometheus-operator@v0.85.0",
     ["example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml",
      "example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml"]),
    ("github.com/cloudnative-pg/cloudnative-pg@v1.28.1", ["config/crd/bases/postgresql.cnpg.io_clusters.yaml"]),
]
HERE = os.path.dirname(os.path.abspath(__file__))


def rewrite_kubernetes(package_dir, out, version):
    count = 0
    for suffix in ("-local", "-local-strict"):
        src = os.path.join(package_dir, "kubernetes-json-schema", f"v{version}{suffix}")
        dst = os.path.join(out, "kubernetes", f"v{version}{suffix}")
        os.makedirs(dst, exist_ok=True)
        for name in os.listdir(src):
            with open(os.path.join(src, name)) as f:
                text = f.read()
            doc = json.loads(text)
            doc.pop("$id", None)
            text = json.dumps(doc).replace('"/api/_definitions.json', '"_definitions.json')
            with open(os.path.join(dst, name), "w") as f:
                f.write(text)
            count += 1
    return count


def strict(schema):
    """Refuse undeclared fields wherever the CRD declares properties and does not preserve unknown ones."""
    if isinstance(schema, dict):
        if schema.get("type") == "object" and "properties" in schema \
                and not schema.get("x-kubernetes-preserve-unknown-fields") and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        if schema.get("x-kubernetes-int-or-string"):
            schema.pop("type", None)
            schema["anyOf"] = [{"type": "integer"}, {"type": "string"}]
        for value in schema.values():
            strict(value)
    elif isinstance(schema, list):
        for value in schema:
            strict(value)
    return schema


def convert_crd(path, out, manifests):
    with open(path) as f:
        crd = yaml.safe_load(f)
    shutil.copy(path, os.path.join(manifests, os.path.basename(path)))
    group = crd["spec"]["group"]
    kind = crd["spec"]["names"]["kind"].lower()
    written = []
    for version in crd["spec"]["versions"]:
        schema = copy.deepcopy(version["schema"]["openAPIV3Schema"])
        schema.setdefault("properties", {})
        schema["properties"]["apiVersion"] = {"type": "string", "enum": [f"{group}/{version['name']}"]}
        schema["properties"]["kind"] = {"type": "string", "enum": [crd["spec"]["names"]["kind"]]}
        schema["properties"]["metadata"] = {"type": "object"}
        strict(schema)
        dst = os.path.join(out, "crds", group)
        os.makedirs(dst, exist_ok=True)
        target = os.path.join(dst, f"{kind}_{version['name']}.json")
        with open(target, "w") as f:
            json.dump(schema, f)
        written.append(target)
    return written


def main():
    package_dir, out, version = sys.argv[1:4]
    print(f"kubernetes {version}: {rewrite_kubernetes(package_dir, out, version)} schema files rewritten")
    manifests = os.path.join(out, "crd-manifests")
    os.makedirs(manifests, exist_ok=True)
    env = {**os.environ, "GOFLAGS": "-mod=mod"}
    sources = []
    for module, files in MODULES:
        info = json.loads(subprocess.check_output(["go", "mod", "download", "-json", module], env=env))
        sources += [os.path.join(info["Dir"], f) for f in files]
    sources += [os.path.join(HERE, "crds", f) for f in sorted(os.listdir(os.path.join(HERE, "crds")))]
    for source in sources:
        for target in convert_crd(source, out, manifests):
            print(f"  crd schema {os.path.relpath(target, out)}")


if __name__ == "__main__":
    main()
