#!/bin/sh
# A/B: race recording off (e512727) vs on (forensics), alternated
for i in 1 2; do
  for v in old new; do
    jar=/tmp/fxab/goc-cli.jar; [ $v = old ] && jar=/tmp/fxab/old/goc-cli.jar
    echo "$v $i $(uptime)" >> /tmp/fxab/ab-load.txt
    java -jar $jar race --db postgres --strategy upsert --threads 2 --rounds 20000 --json /tmp/fxab/$v-$i.json > /tmp/fxab/$v-$i.txt 2>&1
  done
done
echo done >> /tmp/fxab/ab-load.txt
