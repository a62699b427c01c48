export {};
console.log('credstack CLI');
