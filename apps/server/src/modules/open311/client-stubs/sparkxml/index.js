exports.parseXml = () => {
  throw new Error('sparkxml stub: drive node-open311 with format "json"');
};
