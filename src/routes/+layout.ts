// Every route is prerendered to static HTML (adapter-static, strict).
export const prerender = true;
export const trailingSlash = 'always';
