declare module '*.css' {
  const css: string;
  export default css;
}
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
