// A TypeDoc plugin (typedoc.json `plugin`): names each module of the API
// reference by the specifier a user imports (`ahrefs-where`,
// `ahrefs-where/catalogues`, …) instead of its file name (`index`, `catalogues`),
// so that the reference's headings are what goes in an `import`.
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const name = context.project.packageName ?? context.project.name;
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      module.name = module.name === 'index' ? name : `${name}/${module.name}`;
    }
  });
}
