exports.toJson = () => {
  throw new Error('xml2json stub: drive node-open311 with format "json"');
};
