// Writes src/test/resources/cloudformation/resource-specification.json: the part of the CloudFormation resource
// specification that server-config/aws/cognito-ee.yaml uses (its resource types, their properties and attributes,
// and every property type they reach), for CloudFormationTemplateTest. AWS's own download of the specification is
// out of reach of this project's build (only Maven Central and npm are), so it comes from the npm package that ships
// it. To refresh it after adding a resource type to the template:
//   cd "$(mktemp -d)" && npm pack @aws-cdk/cfnspec@<version> && tar xzf aws-cdk-cfnspec-*.tgz
//   node <repo>/src/test/cloudformation/extract-resource-specification.js package <repo>
// (package/ is the unpacked npm package, <repo> this repository).
'use strict';
const fs = require('fs');
const path = require('path');

const [packageDir, repo] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const spec = JSON.parse(fs.readFileSync(path.join(packageDir, 'spec', 'specification.json'), 'utf8'));
const template = fs.readFileSync(path.join(repo, 'server-config', 'aws', 'cognito-ee.yaml'), 'utf8');

const types = [...new Set([...template.matchAll(/^    Type: (AWS::\S+)$/gm)].map(m => m[1]))].sort();
const keep = ['Type', 'PrimitiveType', 'ItemType', 'PrimitiveItemType', 'Required'];
const trim = properties => Object.fromEntries(Object.entries(properties || {}).map(([name, p]) =>
    [name, Object.fromEntries(keep.filter(k => k in p).map(k => [k, p[k]]))]));

const resourceTypes = {};
const propertyTypes = {};
const pending = [];
const reach = (resourceType, properties) => {
    for (const p of Object.values(properties || {})) {
        for (const name of [p.Type, p.ItemType]) {
            if (!name || name === 'List' || name === 'Map') continue;
            const qualified = `${resourceType}.${name}`;
            const key = qualified in spec.PropertyTypes ? qualified : name;
            if (!(key in spec.PropertyTypes)) throw new Error(`no property type ${qualified} in the specification`);
            if (!(key in propertyTypes)) {
                propertyTypes[key] = { Properties: trim(spec.PropertyTypes[key].Properties) };
                pending.push([resourceType, spec.PropertyTypes[key].Properties]);
            }
        }
    }
};
for (const type of types) {
    const definition = spec.ResourceTypes[type];
    if (!definition) throw new Error(`no resource type ${type} in the specification`);
    resourceTypes[type] = { Properties: trim(definition.Properties), Attributes: trim(definition.Attributes) };
    reach(type, definition.Properties);
}
while (pending.length) reach(...pending.pop());

const sortKeys = object => Object.fromEntries(Object.keys(object).sort().map(k => [k, object[k]]));
const out = {
    Source: `${pkg.name} ${pkg.version} (npm), spec/specification.json, ResourceSpecificationVersion `
        + `${spec.ResourceSpecificationVersion}: only the types server-config/aws/cognito-ee.yaml uses, with the `
        + `property types they reach; made by src/test/cloudformation/extract-resource-specification.js`,
    ResourceSpecificationVersion: spec.ResourceSpecificationVersion,
    ResourceTypes: sortKeys(resourceTypes),
    PropertyTypes: sortKeys(propertyTypes),
};
const target = path.join(repo, 'src', 'test', 'resources', 'cloudformation', 'resource-specification.json');
fs.writeFileSync(target, JSON.stringify(out, null, 1) + '\n');
console.log(`${target}: ${types.length} resource types, ${Object.keys(propertyTypes).length} property types`);
