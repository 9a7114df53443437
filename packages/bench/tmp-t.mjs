const s = performance.now();
await import('@aws-lambda-powertools/logger');
await import('@aws-lambda-powertools/logger/middleware');
await import('@aws-lambda-powertools/metrics');
await import('@aws-lambda-powertools/metrics/middleware');
console.log((performance.now() - s).toFixed(1));
