//! Host names resolved once per host: a cache in front of the system resolver, so a crawl of
//! many hosts does not send a lookup to the blocking pool for every new connection.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// How long an answer is kept (the system resolver gives no TTL).
const TTL: Duration = Duration::from_secs(300);

/// Addresses of a name, and when they were looked up.
type Answers = HashMap<String, (Instant, Arc<[SocketAddr]>)>;

/// Names resolved in this process, with when.
#[derive(Debug, Default)]
pub(crate) struct DnsCache {
    answers: Arc<Mutex<Answers>>,
}

impl DnsCache {
    fn cached(&self, name: &str) -> Option<Arc<[SocketAddr]>> {
        let answers = self.answers.lock().expect("dns cache lock");
        answers
            .get(name)
            .filter(|(at, _)| at.elapsed() < TTL)
            .map(|(_, a)| Arc::clone(a))
    }
}

fn addrs(a: &Arc<[SocketAddr]>) -> Addrs {
    let a = Arc::clone(a);
    Box::new((0..a.len()).map(move |i| a[i]))
}

impl Resolve for DnsCache {
    fn resolve(&self, name: Name) -> Resolving {
        let name = name.as_str().to_ascii_lowercase();
        if let Some(a) = self.cached(&name) {
            return Box::pin(std::future::ready(Ok(addrs(&a))));
        }
        let answers = Arc::clone(&self.answers);
        Box::pin(async move {
            // port 0: reqwest puts the URL's port in
            let found: Arc<[SocketAddr]> =
                tokio::net::lookup_host((name.as_str(), 0)).await?.collect();
            // failures are not cached: the next connection asks again
            answers
                .lock()
                .expect("dns cache lock")
                .insert(name, (Instant::now(), Arc::clone(&found)));
            Ok(addrs(&found))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_name_is_resolved_once() {
        let cache = DnsCache::default();
        let first: Vec<SocketAddr> = cache
            .resolve("localhost".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert!(!first.is_empty());
        assert!(cache.cached("localhost").is_some());
        let again: Vec<SocketAddr> = cache
            .resolve("LOCALHOST".parse().unwrap())
            .await
            .unwrap()
            .collect();
        assert_eq!(first, again);
    }
}
